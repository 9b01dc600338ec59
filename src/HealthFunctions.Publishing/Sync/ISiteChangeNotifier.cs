using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// What one publish changed, as the site needs to know it: a post added, updated (renamed when
/// <see cref="PreviousSlug"/> differs from <see cref="Slug"/>) or removed; an author profile, the
/// site settings or an image changed.
/// </summary>
public sealed record ContentChange(SourceKind Kind, SyncOutcome Outcome, string BlobName, string? Slug, string? PreviousSlug);

/// <summary>
/// Told by the publish use case what changed, once its result is final. The static site
/// implements it; publishing itself never renders pages.
/// </summary>
public interface ISiteChangeNotifier
{
    Task ChangedAsync(ContentChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Hands re-publishing of files that depend on a changed one to a queue, so one upload does
    /// bounded work. False when this host has no queue; the caller then publishes them itself.
    /// </summary>
    Task<bool> TryDeferResyncAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken);
}

/// <summary>For hosts without a site (the command line, tests of publishing alone): nothing to tell, nothing deferred.</summary>
public sealed class NoSiteChanges : ISiteChangeNotifier
{
    public static readonly NoSiteChanges Instance = new();

    public Task ChangedAsync(ContentChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> TryDeferResyncAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken) => Task.FromResult(false);
}
