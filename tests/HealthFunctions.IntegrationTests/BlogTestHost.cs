using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthFunctions.Api;
using HealthFunctions.Functions;
using HealthFunctions.LocalHost;
using HealthFunctions.Publishing;
using HealthFunctions.Search;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The Functions app's services wired exactly as Program.cs wires them, against Azurite, with
/// containers and a table of this test's own. Blob and queue triggers call the function classes
/// directly with a real BlobClient or message; HTTP requests go through an in-memory server with
/// the LocalHost's pipeline (problem answers, routing, the key check, one endpoint per function).
/// </summary>
public sealed partial class BlogTestHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly HttpClient _http;

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
        _host = new HostBuilder()
            .UseDefaultServiceProvider(provider => (provider.ValidateOnBuild, provider.ValidateScopes) = (true, true))
            .ConfigureAppConfiguration(config => config.AddConfiguration(configuration))
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => AddServices(services, configuration, Clock, site, configure))
                .Configure(app => app.UseHttpFunctions(HttpFunction.DiscoverIn(FunctionClasses.All))))
            .Start();
        _http = _host.GetTestClient();
        _http.BaseAddress = new Uri("https://api.example/");
        FunctionKey = Get<IOptions<LocalHostOptions>>().Value.FunctionKey;
        Blobs = Get<BlobServiceClient>();
        Tables = Get<TableServiceClient>();
        Queues = Get<QueueServiceClient>();
    }

    public QueueServiceClient Queues { get; }

    /// <summary>The static site's container.</summary>
    public BlobContainerClient Web => Blobs.GetBlobContainerClient(Settings["Site:WebContainer"]);

    public QueueClient PageQueue => Queues.GetQueueClient(Settings["Site:PageQueue"]);

    public Dictionary<string, string?> Settings { get; }

    /// <summary>The time the host's services see; tests move it with <c>SetUtcNow</c> and <c>Advance</c>.</summary>
    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The key functions above <c>Anonymous</c> need; <see cref="SendAsync"/> sends it unless told not to.</summary>
    public string FunctionKey { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Source => Blobs.GetBlobContainerClient(Settings["Publishing:SourceContainer"]);

    public BlobContainerClient Html => Blobs.GetBlobContainerClient(Settings["Publishing:HtmlContainer"]);

    public TableClient Index => Tables.GetTableClient(Settings["Publishing:IndexTable"]);

    public BlobContainerClient Media => Blobs.GetBlobContainerClient(Settings["Publishing:MediaContainer"]);

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>An editor uploads (or re-uploads) a file.</summary>
    public Task UploadAsync(string name, string content) => UploadBytesAsync(name, Encoding.UTF8.GetBytes(content));

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
        SendAsync("GET", "/api/posts", query, headers);

    public Task<TestResponse> GetPostAsync(string slug, IDictionary<string, string>? headers = null, string query = "") =>
        SendAsync("GET", "/api/posts/" + slug, query, headers);

    public Task<TestResponse> SearchAsync(string query) => SendAsync("GET", "/api/search", query);

    /// <summary>A GET of <paramref name="path"/> (with its query, if any) through the host's routing.</summary>
    public Task<TestResponse> GetAsync(string path, string query = "") => SendAsync("GET", path, query);

    /// <summary>
    /// Sends a request to the in-memory server, with the function key in <c>x-functions-key</c>
    /// unless <paramref name="withKey"/> is false, and a JSON <paramref name="body"/> if given.
    /// </summary>
    public async Task<TestResponse> SendAsync(string method, string path, string query = "", IDictionary<string, string>? headers = null, string? body = null, bool withKey = true)
    {
        var target = path + (query.Length == 0 || query.StartsWith('?') ? query : "?" + query);
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (withKey)
        {
            request.Headers.Add(FunctionKeyCheck.HeaderName, FunctionKey);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        return await TestResponse.ReadAsync(response);
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
        _http.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>The app's services as Program.cs registers them, then the HTTP host's, then the test's replacements.</summary>
    private static void AddServices(IServiceCollection services, IConfiguration configuration, TimeProvider clock, bool site, Action<IServiceCollection>? configure)
    {
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(clock);
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
        services.AddHttpFunctionsHost(configuration);
        configure?.Invoke(services);
    }
}
