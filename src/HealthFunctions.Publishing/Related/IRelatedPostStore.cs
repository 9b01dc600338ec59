namespace HealthFunctions.Publishing.Related;

/// <summary>One entry of a post's related-posts list as stored: enough to link to it and to know when it may be shown.</summary>
public sealed record RelatedLink(string Slug, string Title, DateTimeOffset Published, DateTimeOffset? Expires);

/// <summary>
/// The related-posts lists, computed when posts change and read by the post response and page.
/// Besides each post's list the store keeps the reverse ("which lists name this post"), so the
/// lists that named a post can be found again when it is edited, renamed or removed.
/// </summary>
public interface IRelatedPostStore
{
    /// <summary>The stored list of <paramref name="slug"/>, best first; empty when none is stored.</summary>
    Task<IReadOnlyList<RelatedLink>> GetAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Stores the list of <paramref name="slug"/> (empty removes it) and its reverse entries. True when it differs from the stored one. Safe to repeat.</summary>
    Task<bool> SaveAsync(string slug, IReadOnlyList<RelatedLink> related, CancellationToken cancellationToken);

    /// <summary>The posts whose stored lists name <paramref name="slug"/> (may include lists that stopped naming it since; never misses one).</summary>
    Task<IReadOnlyList<string>> NamingAsync(string slug, CancellationToken cancellationToken);
}

/// <summary>
/// Told when stored related-posts lists changed, so the pages showing them are rewritten. The static
/// site implements it; without a site nothing needs telling.
/// </summary>
public interface IRelatedListsChanged
{
    Task ChangedAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken);
}

/// <summary>For hosts without a site.</summary>
public sealed class NoRelatedPages : IRelatedListsChanged
{
    public static readonly NoRelatedPages Instance = new();

    public Task ChangedAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken) => Task.CompletedTask;
}
