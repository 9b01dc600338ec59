namespace HealthFunctions.Publishing.Sources;

/// <summary>
/// Service keys for the stores that answer HTTP reads. They use storage clients that give up within
/// about a second (few retries, short network timeouts), so a storage outage becomes a quick 503;
/// the unkeyed stores, used for publishing, keep retrying for longer.
/// </summary>
public static class StorageRoles
{
    public const string Reads = "reads";
}
