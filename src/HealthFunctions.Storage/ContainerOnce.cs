using Azure.Storage.Blobs;

namespace HealthFunctions.Storage;

/// <summary>A blob container that is created, if missing, the first time it is used.</summary>
internal sealed class ContainerOnce
{
    private readonly Lazy<Task<BlobContainerClient>> _container;

    public ContainerOnce(BlobServiceClient service, string name)
    {
        var client = service.GetBlobContainerClient(name);
        _container = new Lazy<Task<BlobContainerClient>>(async () =>
        {
            await client.CreateIfNotExistsAsync();
            return client;
        });
        Name = name;
    }

    public string Name { get; }

    public Task<BlobContainerClient> GetAsync() => _container.Value;
}
