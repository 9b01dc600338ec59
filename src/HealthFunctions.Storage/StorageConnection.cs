using Azure.Core;
using Azure.Identity;
using HealthFunctions.Publishing.Text;
using Microsoft.Extensions.Configuration;

namespace HealthFunctions.Storage;

/// <summary>
/// How to reach the storage account, read from one named connection setting: either a
/// connection string (<c>PostsStorage=UseDevelopmentStorage=true</c> locally) or identity-based
/// service URIs (<c>PostsStorage__blobServiceUri</c>, <c>PostsStorage__tableServiceUri</c>,
/// <c>PostsStorage__credential=managedidentity</c>, <c>PostsStorage__clientId</c>), the same
/// shape the Functions host uses for the blob trigger's connection.
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? TableServiceUri, TokenCredential? Credential)
{
    /// <summary>The queue service (<c>__queueServiceUri</c>, else the blob service's address with <c>.queue.</c> for <c>.blob.</c>).</summary>
    public Uri? QueueServiceUri { get; init; }

    public const string DefaultName = "PostsStorage";

    public const string LocalEmulator = "UseDevelopmentStorage=true";

    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = DefaultName)
    {
        var section = configuration.GetSection(name);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageConnection(section.Value, null, null, null);
        }

        var blob = section["blobServiceUri"];
        var table = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blob) || string.IsNullOrWhiteSpace(table))
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured. Set '{name}' to a connection string " +
                $"('{LocalEmulator}' for Azurite), or set '{name}__blobServiceUri' and '{name}__tableServiceUri' for an identity-based connection.");
        }

        var queue = section["queueServiceUri"];
        return new StorageConnection(null, ParseUri(name, "blobServiceUri", blob), ParseUri(name, "tableServiceUri", table), CredentialFrom(section))
        {
            QueueServiceUri = ParseUri(name, "queueServiceUri", string.IsNullOrWhiteSpace(queue) ? blob.Replace(".blob.", ".queue.", StringComparison.Ordinal) : queue),
        };
    }

    private static TokenCredential CredentialFrom(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential();
    }

    private static Uri ParseUri(string name, string key, string value) =>
        UrlSchemes.TryParseWeb(value, out var uri)
            ? uri
            : throw new InvalidOperationException($"'{name}__{key}' must be an absolute https (or, for the emulator, http) URI; it is '{value}'.");
}
