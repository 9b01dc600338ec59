using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Site;
using HealthFunctions.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>
/// The publishing services wired as the Functions app wires them (<c>AddPublishing</c> and
/// <c>AddPublishingStorage</c>), against Azurite, with containers and a table of their own that
/// are deleted on dispose. Logging has no providers, so log formatting does not cost anything.
/// </summary>
internal sealed class StorageHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly PublishingOptions _names;

    /// <param name="site">Also wire the static site (its own web container and page queue); publishing then reports to it.</param>
    /// <param name="notifySite">With <paramref name="site"/>: publishing writes pages as it goes; false leaves them to a rebuild.</param>
    public StorageHost(string connectionString, string label, bool site = false, bool notifySite = true)
    {
        var id = label + Guid.NewGuid().ToString("N")[..8];
        _names = new PublishingOptions { SourceContainer = $"posts-{id}", HtmlContainer = $"html-{id}", IndexTable = $"Bench{id}" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnection.DefaultName] = connectionString,
            ["Publishing:SourceContainer"] = _names.SourceContainer,
            ["Publishing:HtmlContainer"] = _names.HtmlContainer,
            ["Publishing:IndexTable"] = _names.IndexTable,
            ["Site:WebContainer"] = WebContainer = $"web-{id}",
            ["Site:PageQueue"] = PageQueue = $"pages-{id}",
            ["Site:CoalesceSeconds"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddPublishing(configuration).AddPublishingStorage(configuration);
        if (site)
        {
            services.AddStaticSite(configuration);
            if (!notifySite)
            {
                services.Replace(ServiceDescriptor.Singleton<ISiteChangeNotifier>(NoSiteChanges.Instance));
            }
        }

        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(Requests, HttpPipelinePosition.PerCall)));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Every request the Blob and Table clients have sent.</summary>
    public RequestCounter Requests { get; } = new();

    public string WebContainer { get; }

    public string PageQueue { get; }

    public TableClient IndexTable => Get<TableServiceClient>().GetTableClient(_names.IndexTable);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        var blobs = Get<BlobServiceClient>();
        await blobs.GetBlobContainerClient(_names.SourceContainer).DeleteIfExistsAsync();
        await blobs.GetBlobContainerClient(_names.HtmlContainer).DeleteIfExistsAsync();
        await blobs.GetBlobContainerClient(WebContainer).DeleteIfExistsAsync();
        await Get<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(PageQueue).DeleteIfExistsAsync();
        await Get<TableServiceClient>().GetTableClient(_names.IndexTable).DeleteAsync();
        await _services.DisposeAsync();
    }
}
