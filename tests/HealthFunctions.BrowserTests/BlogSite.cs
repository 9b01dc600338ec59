using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HealthFunctions.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.BrowserTests;

/// <summary>
/// The blog as a reader reaches it: posts, author profiles, images and site.yaml uploaded to a
/// source container of this fixture's own in Azurite, published by the LocalHost's blob-trigger
/// stand-in calling the real <c>PublishOnUpload</c> function, images served from this fixture's
/// own public media container, and the API, the static site's container and web/ (config.js)
/// served by the LocalHost on a free loopback port.
/// </summary>
public class BlogSite : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private WebApplication? _app;

    public BlogSite(AzuriteFixture azurite)
    {
        _azurite = azurite;
        var id = Guid.NewGuid().ToString("N")[..12];
        SourceContainerName = $"posts-{id}";
        HtmlContainerName = $"html-{id}";
        MediaContainerName = $"media-{id}";
        IndexTableName = $"Index{id}";
        WebContainerName = $"web-{id}";
        PageQueueName = $"pages-{id}";
        SearchTableName = $"Search{id}";
        RelatedQueueName = $"related-{id}";
    }

    /// <summary>The static site's container, served by the LocalHost at <c>/</c>.</summary>
    public string WebContainerName { get; }

    public string PageQueueName { get; }

    /// <summary>This site's search documents and related-posts lists, and its related-posts queue: not shared with other fixtures.</summary>
    public string SearchTableName { get; }

    public string RelatedQueueName { get; }

    public const string AllowedOrigin = "https://blog.example";

    public const string FunctionKey = "browser-tests-key";

    public string SourceContainerName { get; }

    public string HtmlContainerName { get; }

    public string MediaContainerName { get; }

    public string IndexTableName { get; }

    public string BaseUrl { get; private set; } = string.Empty;

    public BlobContainerClient Source => new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(SourceContainerName);

    /// <summary>The static site's container: what the storage account's static website serves in Azure.</summary>
    public BlobContainerClient Web => new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(WebContainerName);

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The site has not started.")).Services;

    /// <summary>Posts uploaded before the site starts; its first pass over the container publishes them.</summary>
    protected virtual IReadOnlyDictionary<string, string> Seed => SeedPosts.All;

    /// <summary>Settings of this site's own on top of the ones every fixture shares (for example a smaller page size).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Images (avatars, post images) uploaded before the site starts.</summary>
    protected virtual IReadOnlyDictionary<string, byte[]> SeedImages => SeedPosts.Images;

    public async ValueTask InitializeAsync()
    {
        await Source.CreateIfNotExistsAsync();
        foreach (var (name, markdown) in Seed)
        {
            await UploadAsync(name, markdown);
        }

        foreach (var (name, bytes) in SeedImages)
        {
            await Source.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        }

        var settings = new Dictionary<string, string?>
        {
            ["PostsStorage"] = _azurite.ConnectionString,
            ["Publishing:SourceContainer"] = SourceContainerName,
            ["Publishing:HtmlContainer"] = HtmlContainerName,
            ["Publishing:IndexTable"] = IndexTableName,
            ["Publishing:MediaContainer"] = MediaContainerName,
            ["Site:WebContainer"] = WebContainerName,
            ["Site:PageQueue"] = PageQueueName,
            ["Search:Table"] = SearchTableName,
            ["Related:Queue"] = RelatedQueueName,
            ["Site:CoalesceSeconds"] = "0",

            // Browser tests run beside the other test projects on two cores; they test pages, not outages.
            ["StorageReads:TimeoutSeconds"] = "10",
            ["LocalHost:QueuePollSeconds"] = "0.1",
            ["Host:CORS"] = AllowedOrigin,
            ["LocalHost:FunctionKey"] = FunctionKey,
            ["LocalHost:BlobPollSeconds"] = "0.2",
            ["LocalHost:WebRoot"] = Path.Combine(RepositoryRoot.Find(), "web"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Azure"] = "Error",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], settings);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single().TrimEnd('/');
        await Services.GetRequiredService<BlobTriggerPoller>().FirstPass.WaitAsync(TimeSpan.FromSeconds(180));
        await QueueSettledAsync(TimeSpan.FromSeconds(180));
    }

    /// <summary>
    /// Waits until the page queue is empty twice in a row: work the first pass handed to the queue
    /// (posts re-published after site.yaml or a profile arrived, shared pages) is done.
    /// </summary>
    public async Task QueueSettledAsync(TimeSpan timeout)
    {
        var queue = new Azure.Storage.Queues.QueueServiceClient(_azurite.ConnectionString).GetQueueClient(PageQueueName);
        await queue.CreateIfNotExistsAsync();
        var deadline = DateTime.UtcNow + timeout;
        var empty = 0;
        while (empty < 2)
        {
            empty = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? empty + 1 : 0;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page queue {PageQueueName} still had work after {timeout.TotalSeconds} s.");
            }

            await Task.Delay(150);
        }
    }

    public async Task UploadAsync(string name, string markdown) =>
        await Source.GetBlobClient(name).UploadAsync(BinaryData.FromString(markdown), overwrite: true);

    public HttpClient Http(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = new Uri(BaseUrl) };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        var blobs = new BlobServiceClient(_azurite.ConnectionString);
        await blobs.GetBlobContainerClient(SourceContainerName).DeleteIfExistsAsync();
        await blobs.GetBlobContainerClient(HtmlContainerName).DeleteIfExistsAsync();
        await blobs.GetBlobContainerClient(MediaContainerName).DeleteIfExistsAsync();
        await blobs.GetBlobContainerClient(WebContainerName).DeleteIfExistsAsync();
        var queues = new Azure.Storage.Queues.QueueServiceClient(_azurite.ConnectionString);
        await queues.GetQueueClient(PageQueueName).DeleteIfExistsAsync();
        await queues.GetQueueClient(RelatedQueueName).DeleteIfExistsAsync();
        var tables = new TableServiceClient(_azurite.ConnectionString);
        await tables.DeleteTableAsync(IndexTableName);
        await tables.DeleteTableAsync(SearchTableName);
        GC.SuppressFinalize(this);
    }
}

/// <summary>A site that starts with no posts, for tests that upload while it runs.</summary>
public sealed class EmptyBlogSite(AzuriteFixture azurite) : BlogSite(azurite)
{
    protected override IReadOnlyDictionary<string, string> Seed { get; } = new Dictionary<string, string>();

    protected override IReadOnlyDictionary<string, byte[]> SeedImages { get; } = new Dictionary<string, byte[]>();
}
