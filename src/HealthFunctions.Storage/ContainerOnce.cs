using Azure.Storage.Blobs;

namespace HealthFunctions.Storage;

/// <summary>A blob container that is created, if missing, the first time it is used (see <see cref="CreatedOnce"/>).</summary>
internal sealed class ContainerOnce
{
    private readonly BlobContainerClient _client;
    private readonly CreatedOnce _created;

    public ContainerOnce(BlobServiceClient service, string name)
    {
        _client = service.GetBlobContainerClient(name);
        _created = new CreatedOnce(() => _client.CreateIfNotExistsAsync());
        Name = name;
    }

    public string Name { get; }

    /// <summary>The container, created first if this is its first use (or the last try failed).</summary>
    public async Task<BlobContainerClient> GetAsync()
    {
        await _created.EnsureAsync();
        return _client;
    }
}
