namespace HealthFunctions.Publishing.Sync;

/// <summary>What processing one source file did.</summary>
public enum SyncOutcome
{
    /// <summary>A new post (or draft) entered the index.</summary>
    Added,

    /// <summary>An indexed post was replaced by a new version.</summary>
    Updated,

    /// <summary>This exact version was already processed.</summary>
    Unchanged,

    /// <summary>The source file is gone, so its post left the index.</summary>
    Removed,

    /// <summary>The file cannot be published; the message says why. The index kept what it had.</summary>
    Failed,

    /// <summary>Another source file already holds the post's slug.</summary>
    Conflict,

    /// <summary>Not a post (an unsupported file type or name).</summary>
    Ignored,

    /// <summary>Neither the file nor a record of it exists.</summary>
    Missing,
}

public sealed record SyncResult(string BlobName, SyncOutcome Outcome, string? Slug = null, string? Message = null)
{
    /// <summary>False when the change cannot affect other files (site settings whose default author stayed the same).</summary>
    internal bool AffectsDependents { get; init; } = true;

    /// <summary>The slug the post had before this version (differs from <see cref="Slug"/> after a rename).</summary>
    internal string? PreviousSlug { get; init; }

    public bool IsRejected => Outcome is SyncOutcome.Failed or SyncOutcome.Conflict;

    /// <summary>True when the file's published state changed, so the site and dependent files must hear of it.</summary>
    internal bool Changed => Outcome is SyncOutcome.Added or SyncOutcome.Updated or SyncOutcome.Removed;

    /// <summary>The message for the editor: the status message followed by each warning.</summary>
    internal static string? Describe(string? message, IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? message : string.Join(" ", new[] { message }.Concat(warnings.Select(w => "Warning: " + w)).OfType<string>());
}
