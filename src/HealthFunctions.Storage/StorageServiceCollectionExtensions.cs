using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Blob, Table and Queue clients once (through Microsoft.Extensions.Azure) from the
    /// named connection, and the stores the publishing pipeline reads and writes through.
    /// </summary>
    public static IServiceCollection AddPublishingStorage(this IServiceCollection services, IConfiguration configuration, string connectionName = StorageConnection.DefaultName)
    {
        var connection = StorageConnection.FromConfiguration(configuration, connectionName);
        services.AddAzureClients(clients =>
        {
            if (connection.ConnectionString is { } connectionString)
            {
                clients.AddBlobServiceClient(connectionString);
                clients.AddTableServiceClient(connectionString);
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(Base64Messages);
            }
            else
            {
                clients.AddBlobServiceClient(connection.BlobServiceUri!);
                clients.AddTableServiceClient(connection.TableServiceUri!);
                clients.AddQueueServiceClient(connection.QueueServiceUri!).ConfigureOptions(Base64Messages);
                clients.UseCredential(connection.Credential!);
            }
        });

        services.AddSingleton<ISourceStore>(sp => ActivatorUtilities.CreateInstance<BlobSourceStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<IHtmlStore>(sp => ActivatorUtilities.CreateInstance<BlobHtmlStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<IPostIndex>(sp => ActivatorUtilities.CreateInstance<TablePostIndex>(sp, sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IMediaStore>(sp => ActivatorUtilities.CreateInstance<BlobMediaStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<ISiteContentStore>(sp => ActivatorUtilities.CreateInstance<TableSiteContentStore>(sp, sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IPageStore>(sp => ActivatorUtilities.CreateInstance<BlobPageStore>(sp, sp.GetRequiredService<BlobServiceClient>()));
        services.AddSingleton<IPageQueue>(sp => ActivatorUtilities.CreateInstance<QueuePageQueue>(sp, sp.GetRequiredService<QueueServiceClient>()));
        return services;
    }

    // The Functions queue trigger reads Base64 messages by default (host.json extensions.queues.messageEncoding).
    private static void Base64Messages(QueueClientOptions options) => options.MessageEncoding = QueueMessageEncoding.Base64;
}
