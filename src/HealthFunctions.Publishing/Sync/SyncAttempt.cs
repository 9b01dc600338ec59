using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// How one attempt at a file ended: with a result, or with a lost race after which the whole
/// attempt starts over (once another file has been processed, when <see cref="SyncFirst"/> names one).
/// </summary>
public readonly record struct SyncAttempt
{
    /// <summary>The attempt lost a race (or the file changed under it) and must start over.</summary>
    public static readonly SyncAttempt StartOver;

    public SyncResult? Result { get; private init; }

    /// <summary>A file whose deletion was never processed and stands in the way: process it, then start over.</summary>
    public string? SyncFirst { get; private init; }

    public static SyncAttempt StartOverAfter(string blobName) => new() { SyncFirst = blobName };

    /// <summary>A result ends the attempt; null means start over.</summary>
    public static implicit operator SyncAttempt(SyncResult? result) => new() { Result = result };
}

/// <summary>
/// What attempts at one file wrote before they lost a race (listing rows and slugs the next attempt,
/// or the failure record, cleans up), and the version of the file the latest attempt read.
/// </summary>
public sealed class SyncLeftovers
{
    public HashSet<IndexKey> Keys { get; } = [];

    public HashSet<string> Slugs { get; } = new(StringComparer.Ordinal);

    /// <summary>The version of the file the latest attempt read.</summary>
    public string? ETag { get; set; }

    /// <summary>True when an attempt at a post wrote anything public.</summary>
    public bool Wrote => Keys.Count > 0 || Slugs.Count > 0;

    public void Clear()
    {
        Keys.Clear();
        Slugs.Clear();
    }
}
