using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HealthFunctions.Publishing;
using HealthFunctions.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    public StorageHost(string connectionString, string label)
    {
        var id = label + Guid.NewGuid().ToString("N")[..8];
        _names = new PublishingOptions { SourceContainer = $"posts-{id}", HtmlContainer = $"html-{id}", IndexTable = $"Bench{id}" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageConnection.DefaultName] = connectionString,
            ["Publishing:SourceContainer"] = _names.SourceContainer,
            ["Publishing:HtmlContainer"] = _names.HtmlContainer,
            ["Publishing:IndexTable"] = _names.IndexTable,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddPublishing(configuration).AddPublishingStorage(configuration);
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(Requests, HttpPipelinePosition.PerCall)));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Every request the Blob and Table clients have sent.</summary>
    public RequestCounter Requests { get; } = new();

    public TableClient IndexTable => Get<TableServiceClient>().GetTableClient(_names.IndexTable);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        var blobs = Get<BlobServiceClient>();
        await blobs.GetBlobContainerClient(_names.SourceContainer).DeleteIfExistsAsync();
        await blobs.GetBlobContainerClient(_names.HtmlContainer).DeleteIfExistsAsync();
        await Get<TableServiceClient>().GetTableClient(_names.IndexTable).DeleteAsync();
        await _services.DisposeAsync();
    }
}
