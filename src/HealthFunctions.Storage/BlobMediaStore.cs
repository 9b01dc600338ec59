using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Media;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// Published images in a container readers fetch from directly: a public-read container locally,
/// the static website's <c>$web</c> (under <c>media/</c>) in Azure. Each image carries its pixel
/// size in metadata and a year-long cache header; URLs carry a version taken from the source
/// file's ETag, so a replaced image gets a new URL.
/// </summary>
public sealed class BlobMediaStore : IMediaStore
{
    private const string CacheControl = "public, max-age=31536000, immutable";

    private readonly BlobContainerClient _container;
    private readonly CreatedOnce _created;
    private readonly string _prefix;
    private readonly string _baseUrl;

    public BlobMediaStore(BlobServiceClient service, IOptions<PublishingOptions> options)
    {
        var settings = options.Value;
        _container = service.GetBlobContainerClient(settings.MediaContainer);
        _prefix = settings.MediaPathPrefix;
        _baseUrl = string.IsNullOrWhiteSpace(settings.MediaBaseUrl)
            ? $"{_container.Uri.AbsoluteUri.TrimEnd('/')}/{_prefix}"
            : settings.MediaBaseUrl.TrimEnd('/') + "/";
        _created = new CreatedOnce(() => settings.MediaContainer == "$web"
            ? Task.CompletedTask
            : _container.CreateIfNotExistsAsync(PublicAccessType.Blob));
    }

    public async Task<PublishedImage> PublishAsync(string sourcePath, byte[] content, ImageFacts facts, string sourceETag, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var version = VersionOf(sourceETag);
        var metadata = new Dictionary<string, string>
        {
            ["width"] = facts.Width.ToString(CultureInfo.InvariantCulture),
            ["height"] = facts.Height.ToString(CultureInfo.InvariantCulture),
            ["version"] = version,
        };
        await _container.GetBlobClient(_prefix + sourcePath).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = facts.ContentType, CacheControl = CacheControl },
                Metadata = metadata,
            },
            cancellationToken);
        return new PublishedImage(sourcePath, UrlOf(sourcePath, version), facts.Width, facts.Height, facts.ContentType);
    }

    public async Task DeleteAsync(string sourcePath, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _container.DeleteBlobIfExistsAsync(_prefix + sourcePath, cancellationToken: cancellationToken);
    }

    public async Task<ImageCatalog> ListAsync(string folder, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var images = new List<PublishedImage>();
        await foreach (var blob in _container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = _prefix + folder }, cancellationToken))
        {
            if (blob.Metadata.TryGetValue("width", out var width) && blob.Metadata.TryGetValue("height", out var height) && blob.Metadata.TryGetValue("version", out var version))
            {
                var sourcePath = blob.Name[_prefix.Length..];
                images.Add(new PublishedImage(
                    sourcePath,
                    UrlOf(sourcePath, version),
                    int.Parse(width, CultureInfo.InvariantCulture),
                    int.Parse(height, CultureInfo.InvariantCulture),
                    blob.Properties.ContentType ?? "application/octet-stream"));
            }
        }

        return new ImageCatalog(images);
    }

    private string UrlOf(string sourcePath, string version) =>
        _baseUrl + string.Join('/', sourcePath.Split('/').Select(Uri.EscapeDataString)) + "?v=" + version;

    private static string VersionOf(string etag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(etag)))[..12];
}
