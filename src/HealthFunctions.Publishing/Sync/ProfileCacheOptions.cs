using System.ComponentModel.DataAnnotations;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// How the publish step keeps the author profiles and site settings it has read in memory. Bound to
/// the "ProfileCache" section. An entry is filed under the stored version it was read at, so it can
/// only ever be served while that version is current: these settings bound memory and speed, never
/// what is published.
/// </summary>
public sealed class ProfileCacheOptions
{
    public const string SectionName = "ProfileCache";

    /// <summary>Largest entry kept, in bytes, should an entry ever be serialised; larger ones are read each time. A profile's bio is at most 30,000 characters.</summary>
    public const int MaximumPayloadBytes = 256 * 1024;

    /// <summary>Longest cache key; a longer one (an unusually long slug) is read each time.</summary>
    public const int MaximumKeyLength = 512;

    /// <summary>
    /// How long a version read stays in memory, in minutes (0: read the profile for every post). Edits
    /// file the new version under a new key, so older ones only wait out this time to be dropped.
    /// </summary>
    [Range(0, 1440)]
    public int Minutes { get; set; } = 30;
}
