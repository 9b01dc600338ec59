using Azure;
using Azure.Storage.Blobs;
using HealthFunctions.Site;
using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

/// <summary>
/// Serves the site container (<c>$web</c>) at <c>/</c>, as the storage account's static website
/// does in Azure: <c>/a/</c> is the blob <c>a/index.html</c>, <c>/a</c> is tried as <c>a/index.html</c>
/// too. Paths under the API's prefix, and files the container does not have, go on to the next
/// handler (<c>web/</c>: <c>config.js</c>, the theme's assets); what nobody serves
/// gets the site's <c>404.html</c>, or, before the site's first publish has written one, a line
/// saying that nothing is published yet.
/// </summary>
public sealed class SiteContainerFiles
{
    /// <summary>The answer at an address nobody serves while the site container has no pages yet.</summary>
    public const string NothingPublished =
        "Nothing is published here yet. Upload a post (Markdown) to the source container and its pages appear here within seconds.";

    private readonly BlobContainerClient _container;
    private readonly string _apiPrefix;

    public SiteContainerFiles(BlobServiceClient blobs, IOptions<SiteOptions> site, IOptions<LocalHostOptions> options)
    {
        _container = blobs.GetBlobContainerClient(site.Value.WebContainer);
        _apiPrefix = "/" + options.Value.RoutePrefix.Trim('/');
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || path.StartsWith(_apiPrefix + "/", StringComparison.Ordinal) || path == _apiPrefix)
        {
            await next(context);
            return;
        }

        if (await TryServeAsync(context, PagePaths.BlobName(path), 200)
            || (!Path.HasExtension(path) && !path.EndsWith('/') && await TryServeAsync(context, PagePaths.BlobName(path + "/"), 200)))
        {
            return;
        }

        await next(context);
        if (context.Response.StatusCode == 404 && !context.Response.HasStarted)
        {
            if (!await TryServeAsync(context, PagePaths.BlobName(PagePaths.NotFound), 404))
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(NothingPublished, context.RequestAborted);
            }
        }
    }

    private async Task<bool> TryServeAsync(HttpContext context, string blobName, int status)
    {
        try
        {
            var download = await _container.GetBlobClient(blobName).DownloadContentAsync(context.RequestAborted);
            var details = download.Value.Details;
            context.Response.StatusCode = status;
            context.Response.ContentType = details.ContentType;
            context.Response.Headers.CacheControl = details.CacheControl ?? "no-cache";
            context.Response.Headers.ETag = details.ETag.ToString("H");
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(download.Value.Content.ToMemory(), context.RequestAborted);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
