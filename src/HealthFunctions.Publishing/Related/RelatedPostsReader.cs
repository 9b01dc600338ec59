using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Publishing.Related;

/// <summary>
/// Reads a post's related posts for showing: the stored list, kept only where the post still
/// exists under that slug and is public now, with its current title. A list computed before a
/// related post was removed, renamed or expired never links to a page that is gone.
/// </summary>
public sealed class RelatedPostsReader
{
    /// <summary>The most related posts a post shows.</summary>
    public const int MaxCount = 5;

    private readonly IRelatedPostStore _store;
    private readonly IPostIndexReader _index;
    private readonly TimeProvider _time;

    public RelatedPostsReader(IRelatedPostStore store, IPostIndexReader index, TimeProvider time)
    {
        _store = store;
        _index = index;
        _time = time;
    }

    public async Task<IReadOnlyList<RelatedLink>> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var stored = await _store.GetAsync(slug, cancellationToken);
        var shown = new List<RelatedLink>();
        foreach (var link in stored.Where(l => l.Slug != slug && l.Published <= now && (l.Expires is null || l.Expires > now)).Take(MaxCount))
        {
            var entry = await _index.GetPostAsync(link.Slug, cancellationToken);
            if (entry is { Post: var post } && post.Slug == link.Slug && post.IsPublicAt(now))
            {
                shown.Add(link with { Title = post.Title, Published = post.Published, Expires = post.ExpiryDate });
            }
        }

        return shown;
    }
}
