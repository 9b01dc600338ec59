using System.ComponentModel.DataAnnotations;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Search.Documents;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Search.AzureAiSearch;
using HealthFunctions.Search.Related;
using HealthFunctions.Search.Sync;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AppSearchOptions = HealthFunctions.Search.SearchOptions;

namespace HealthFunctions.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Retries of the publishing clients: with exponential back-off from 0.8 s (capped at 10 s), about half a minute in all.</summary>
    public const int PublishRetries = 5;

    /// <summary>
    /// Registers the Blob, Table and Queue clients once (through Microsoft.Extensions.Azure) from the
    /// named connection, and the stores the publishing pipeline reads and writes through. The
    /// stores keyed <see cref="StorageRoles.Reads"/> use a second pair of clients that fail fast.
    /// </summary>
    public static IServiceCollection AddPublishingStorage(this IServiceCollection services, IConfiguration configuration, string connectionName = StorageConnection.DefaultName)
    {
        var connection = StorageConnection.FromConfiguration(configuration, connectionName);
        var reads = configuration.GetSection(StorageReadOptions.SectionName).Get<StorageReadOptions>() ?? new StorageReadOptions();
        Validator.ValidateObject(reads, new ValidationContext(reads), validateAllProperties: true);
        services.AddAzureClients(clients =>
        {
            if (connection.ConnectionString is { } connectionString)
            {
                clients.AddBlobServiceClient(connectionString).ConfigureOptions(o => Publishing(o.Retry));
                clients.AddTableServiceClient(connectionString).ConfigureOptions(o => Publishing(o.Retry));
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(o => QueueClient(o));
                clients.AddBlobServiceClient(connectionString).WithName(StorageRoles.Reads).ConfigureOptions(o => Reads(o.Retry, reads));
                clients.AddTableServiceClient(connectionString).WithName(StorageRoles.Reads).ConfigureOptions(o => Reads(o.Retry, reads));
            }
            else
            {
                clients.AddBlobServiceClient(connection.BlobServiceUri!).ConfigureOptions(o => Publishing(o.Retry));
                clients.AddTableServiceClient(connection.TableServiceUri!).ConfigureOptions(o => Publishing(o.Retry));
                clients.AddQueueServiceClient(connection.QueueServiceUri!).ConfigureOptions(o => QueueClient(o));
                clients.AddBlobServiceClient(connection.BlobServiceUri!).WithName(StorageRoles.Reads).ConfigureOptions(o => Reads(o.Retry, reads));
                clients.AddTableServiceClient(connection.TableServiceUri!).WithName(StorageRoles.Reads).ConfigureOptions(o => Reads(o.Retry, reads));
                clients.UseCredential(connection.Credential!);
            }

            // Built only when Search:Provider is AzureAiSearch (options validated at start-up); an API
            // key if one is set, else the app's identity (the storage connection's managed identity).
            clients.AddClient<SearchClient, SearchClientOptions>((options, credential, sp) =>
            {
                var search = sp.GetRequiredService<IOptions<AppSearchOptions>>().Value.AzureAiSearch;
                return string.IsNullOrWhiteSpace(search.ApiKey)
                    ? new SearchClient(search.EndpointUri, search.IndexName, credential, options)
                    : new SearchClient(search.EndpointUri, search.IndexName, new AzureKeyCredential(search.ApiKey), options);
            });
        });

        services.AddSingleton<IStorageFaults, AzureStorageFaults>();
        services.AddSingleton<ISourceStore>(sp => ActivatorUtilities.CreateInstance<BlobSourceStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<IHtmlStore>(sp => ActivatorUtilities.CreateInstance<BlobHtmlStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddPostIndex(sp => ActivatorUtilities.CreateInstance<TablePostIndex>(sp, sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IMediaStore>(sp => ActivatorUtilities.CreateInstance<BlobMediaStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<ISiteContentStore>(sp => ActivatorUtilities.CreateInstance<TableSiteContentStore>(sp, sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IPageStore>(sp => ActivatorUtilities.CreateInstance<BlobPageStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<ISearchDocumentStore>(sp => ActivatorUtilities.CreateInstance<TableSearchDocumentStore>(sp, sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IAzureSearchService>(sp => new AzureSearchService(sp.GetRequiredService<SearchClient>()));
        services.AddSingleton<IRelatedPostStore>(sp => ActivatorUtilities.CreateInstance<TableRelatedPostStore>(sp, sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IRelatedQueue>(sp => ActivatorUtilities.CreateInstance<QueueRelatedQueue>(sp, sp.GetRequiredService<QueueServiceClient>()));
        services.AddSingleton<IPageQueue>(sp => ActivatorUtilities.CreateInstance<QueuePageQueue>(sp, sp.GetRequiredService<QueueServiceClient>()));
        services.AddSingleton<ISweepStore>(sp => ActivatorUtilities.CreateInstance<TableSweepStore>(sp, sp.GetRequiredService<TableServiceClient>()));

        services.AddKeyedSingleton<IHtmlStore>(StorageRoles.Reads, (sp, _) => ActivatorUtilities.CreateInstance<BlobHtmlStore>(sp, ReadBlobs(sp)));
        services.AddKeyedPostIndex(StorageRoles.Reads, sp => ActivatorUtilities.CreateInstance<TablePostIndex>(sp, ReadTables(sp)));
        services.AddKeyedSingleton<IRelatedPostStore>(StorageRoles.Reads, (sp, _) => ActivatorUtilities.CreateInstance<TableRelatedPostStore>(sp, ReadTables(sp)));
        services.AddKeyedSingleton<ISiteContentStore>(StorageRoles.Reads, (sp, _) => ActivatorUtilities.CreateInstance<TableSiteContentStore>(sp, ReadTables(sp)));
        return services;
    }

    private static BlobServiceClient ReadBlobs(IServiceProvider services) =>
        services.GetRequiredService<IAzureClientFactory<BlobServiceClient>>().CreateClient(StorageRoles.Reads);

    private static TableServiceClient ReadTables(IServiceProvider services) =>
        services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(StorageRoles.Reads);

    private static void Publishing(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = PublishRetries;
        retry.MaxDelay = TimeSpan.FromSeconds(10);
    }

    private static void Reads(RetryOptions retry, StorageReadOptions reads)
    {
        retry.Mode = RetryMode.Fixed;
        retry.MaxRetries = reads.Retries;
        retry.Delay = TimeSpan.FromMilliseconds(100);
        retry.NetworkTimeout = TimeSpan.FromSeconds(reads.TimeoutSeconds);
    }

    /// <summary>
    /// The page queue's client: Base64 messages, as the Functions queue trigger reads them by default
    /// (host.json extensions.queues.messageEncoding), and the publishing retries.
    /// </summary>
    private static void QueueClient(QueueClientOptions options)
    {
        options.MessageEncoding = QueueMessageEncoding.Base64;
        Publishing(options.Retry);
    }
}
