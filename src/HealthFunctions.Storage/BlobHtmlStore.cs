using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>Rendered HTML, one private blob per slug (<c>{slug}.html</c>).</summary>
public sealed class BlobHtmlStore : IHtmlStore
{
    private static readonly BlobHttpHeaders HtmlHeaders = new() { ContentType = "text/html; charset=utf-8" };

    private readonly ContainerOnce _container;

    public BlobHtmlStore(BlobServiceClient service, IOptions<PublishingOptions> options)
    {
        _container = new ContainerOnce(service, options.Value.HtmlContainer);
    }

    public string LocationOf(string slug) => $"{_container.Name}/{BlobNameOf(slug)}";

    public async Task WriteAsync(string slug, string html, CancellationToken cancellationToken)
    {
        var blob = (await _container.GetAsync()).GetBlobClient(BlobNameOf(slug));
        await blob.UploadAsync(BinaryData.FromString(html), new BlobUploadOptions { HttpHeaders = HtmlHeaders }, cancellationToken);
    }

    public async Task<string?> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        try
        {
            var content = await (await _container.GetAsync()).GetBlobClient(BlobNameOf(slug)).DownloadContentAsync(cancellationToken);
            return Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string slug, CancellationToken cancellationToken) =>
        await (await _container.GetAsync()).DeleteBlobIfExistsAsync(BlobNameOf(slug), cancellationToken: cancellationToken);

    private static string BlobNameOf(string slug) => slug + ".html";
}
