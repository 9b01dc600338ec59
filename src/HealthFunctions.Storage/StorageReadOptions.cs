using System.ComponentModel.DataAnnotations;

namespace HealthFunctions.Storage;

/// <summary>
/// How quickly the clients behind HTTP reads give up, so a reader gets a 503 instead of waiting while
/// storage is unreachable. Bound to the "StorageReads" section; read once, when the clients are registered.
/// </summary>
public sealed class StorageReadOptions
{
    public const string SectionName = "StorageReads";

    /// <summary>Network timeout of one try, in seconds.</summary>
    [Range(0.1, 60)]
    public double TimeoutSeconds { get; set; } = 1;

    /// <summary>Retries after the first try, 100 ms apart.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 1;
}
