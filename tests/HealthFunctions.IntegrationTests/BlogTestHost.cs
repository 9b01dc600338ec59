using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthFunctions.Api;
using HealthFunctions.Functions;
using HealthFunctions.Publishing;
using HealthFunctions.Search;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The Functions app's services wired exactly as Program.cs wires them, against Azurite, with
/// containers and a table of this test's own. Drives the function classes directly: blob
/// triggers with a real BlobClient, HTTP functions with a real HttpContext.
/// </summary>
public sealed class BlogTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="site">Also write the static site, into a web container and page queue of this test's own.</param>
    public BlogTestHost(AzuriteFixture azurite, DateTimeOffset? now = null, IDictionary<string, string?>? extraSettings = null, bool site = false, Action<IServiceCollection>? configure = null)
        : this(azurite.ConnectionString, now, extraSettings, site, configure)
    {
    }

    /// <param name="site">Also write the static site, into a web container and page queue of this test's own.</param>
    /// <param name="configure">Replaces services after the app's own registrations (a decorator of one of our interfaces, say).</param>
    public BlogTestHost(string connectionString, DateTimeOffset? now = null, IDictionary<string, string?>? extraSettings = null, bool site = false, Action<IServiceCollection>? configure = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        Settings = new Dictionary<string, string?>
        {
            ["PostsStorage"] = connectionString,
            ["Publishing:SourceContainer"] = $"posts-{id}",
            ["Publishing:HtmlContainer"] = $"html-{id}",
            ["Publishing:IndexTable"] = $"Index{id}",
            ["Publishing:MediaContainer"] = $"media-{id}",

            // The suites share two cores; only the outage test needs the production read timeout (1 s).
            ["StorageReads:TimeoutSeconds"] = "10",
            ["Site:WebContainer"] = $"web-{id}",
            ["Site:PageQueue"] = $"pages-{id}",
            ["Site:BaseUrl"] = "https://blog.example",
            ["Site:CoalesceSeconds"] = "0",
            ["Site:MaxDelaySeconds"] = "1",
            ["Search:Table"] = $"Search{id}",
            ["Related:Queue"] = $"related-{id}",
            ["Search:RefreshMilliseconds"] = "0",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }

        // With the site on, the clock moves one tick per read, as a real one does between two events,
        // so "rendered after the change was requested" means the same as with real time.
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero))
        {
            AutoAdvanceAmount = site ? TimeSpan.FromTicks(1) : TimeSpan.Zero,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IConfiguration>(configuration);
        services
            .AddPublishing(configuration)
            .AddPublishingStorage(configuration)
            .AddPublicApi(configuration);
        if (site)
        {
            services.AddStaticSite(configuration);
        }

        services.AddSearch();

        services.AddFunctionClasses(include: type => site || type != typeof(RenderSitePage));

        configure?.Invoke(services);

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Blobs = _services.GetRequiredService<BlobServiceClient>();
        Tables = _services.GetRequiredService<TableServiceClient>();
        Queues = _services.GetRequiredService<QueueServiceClient>();
    }

    public QueueServiceClient Queues { get; }

    /// <summary>The static site's container.</summary>
    public BlobContainerClient Web => Blobs.GetBlobContainerClient(Settings["Site:WebContainer"]);

    public QueueClient PageQueue => Queues.GetQueueClient(Settings["Site:PageQueue"]);

    public Dictionary<string, string?> Settings { get; }

    /// <summary>The time the host's services see; tests move it with <c>SetUtcNow</c> and <c>Advance</c>.</summary>
    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Source => Blobs.GetBlobContainerClient(Settings["Publishing:SourceContainer"]);

    public BlobContainerClient Html => Blobs.GetBlobContainerClient(Settings["Publishing:HtmlContainer"]);

    public TableClient Index => Tables.GetTableClient(Settings["Publishing:IndexTable"]);

    public BlobContainerClient Media => Blobs.GetBlobContainerClient(Settings["Publishing:MediaContainer"]);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>An editor uploads (or re-uploads) a file.</summary>
    public async Task UploadAsync(string name, string content)
    {
        await Source.CreateIfNotExistsAsync();
        await Source.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), overwrite: true);
    }

    public async Task UploadBytesAsync(string name, byte[] content)
    {
        await Source.CreateIfNotExistsAsync();
        await Source.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }

    /// <summary>The host fires the blob trigger for <paramref name="name"/>.</summary>
    public Task TriggerAsync(string name) =>
        Get<PublishOnUpload>().RunAsync(Source.GetBlobClient(name), CancellationToken.None);

    public async Task UploadAndTriggerAsync(string name, string content)
    {
        await UploadAsync(name, content);
        await TriggerAsync(name);
    }

    public Task<TestResponse> GetPostsAsync(string query = "", IDictionary<string, string>? headers = null) =>
        SendAsync("GET", "/api/posts", query, headers, (request, ct) => Get<ListPosts>().RunAsync(request, ct));

    public Task<TestResponse> GetPostAsync(string slug, IDictionary<string, string>? headers = null, string query = "") =>
        SendAsync("GET", "/api/posts/" + slug, query, headers, (request, ct) => Get<GetPost>().RunAsync(request, slug, ct));

    public Task<TestResponse> SearchAsync(string query) =>
        SendAsync("GET", "/api/search", query, null, (request, ct) => Get<SearchPosts>().RunAsync(request, ct));

    /// <summary>Sends a request through a function with a real HttpContext and executes its result into a real response.</summary>
    public async Task<TestResponse> SendAsync(
        string method,
        string path,
        string query,
        IDictionary<string, string>? headers,
        Func<HttpRequest, CancellationToken, Task<IActionResult>> function,
        string? body = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("api.example");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 || query.StartsWith('?') ? query : "?" + query);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        if (body is not null)
        {
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            context.Request.ContentType = "application/json";
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        var result = await function(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new TestResponse(context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(responseBody.ToArray()), context.Response.ContentType);
    }

    /// <summary>
    /// Runs the page-queue function for every visible message until none is left (as the host's
    /// queue trigger would), with <paramref name="workers"/> of them at once. Returns how many ran.
    /// </summary>
    public async Task<int> DrainAsync(int workers = 1)
    {
        await PageQueue.CreateIfNotExistsAsync();
        var count = 0;
        var idle = 0;
        while (idle < workers)
        {
            var batch = (await PageQueue.ReceiveMessagesAsync(workers, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                idle++;
                continue;
            }

            idle = 0;
            await Task.WhenAll(batch.Select(async message =>
            {
                await Get<RenderSitePage>().RunAsync(message.Body.ToString(), CancellationToken.None);
                await PageQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }));
            count += batch.Length;
        }

        return count;
    }

    /// <summary>Drains the page queue until it holds nothing, delayed messages included (at most 30 s).</summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await DrainAsync();
        while ((await PageQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the page queue did not settle within 30 s");
            await Task.Delay(250);
            await DrainAsync();
        }
    }

    /// <summary>A file of the static site, or null when it is not there.</summary>
    public async Task<string?> PageAsync(string path)
    {
        var blob = Web.GetBlobClient(PagePaths.BlobName(path));
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToString() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DeleteIfExistsAsync();
        await PageQueue.DeleteIfExistsAsync();
        await Queues.GetQueueClient(Settings["Related:Queue"]).DeleteIfExistsAsync();
        await Source.DeleteIfExistsAsync();
        await Html.DeleteIfExistsAsync();
        await Media.DeleteIfExistsAsync();
        await Index.DeleteAsync();
        await Tables.GetTableClient(Settings["Search:Table"]).DeleteAsync();
        await _services.DisposeAsync();
    }
}

public sealed record TestResponse(int Status, IHeaderDictionary Headers, string Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
