using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Publishing.Queries;

/// <summary>A public post with its HTML.</summary>
public sealed record PublishedPost(PostEntry Entry, string Html);

/// <summary>Result of looking a slug up: the post, a move to its new slug, or nothing.</summary>
public abstract record PostLookup
{
    public sealed record Found(PublishedPost Post) : PostLookup;

    public sealed record Moved(string Slug) : PostLookup;

    public sealed record NotFound : PostLookup;
}

/// <summary>Read side of the index: what the public may see at a given moment.</summary>
public sealed class PostQueries
{
    public const int MaxPageSize = 50;

    private readonly IPostIndexReader _index;
    private readonly IHtmlStore _html;
    private readonly TimeProvider _time;

    /// <summary>Reads through the stores keyed <see cref="StorageRoles.Reads"/>, which fail fast when storage is unreachable.</summary>
    public PostQueries([FromKeyedServices(StorageRoles.Reads)] IPostIndexReader index, [FromKeyedServices(StorageRoles.Reads)] IHtmlStore html, TimeProvider time)
    {
        _index = index;
        _html = html;
        _time = time;
    }

    /// <summary>One page of the newest public posts, optionally of one tag or author, continuing after a row key.</summary>
    public Task<ListingPage> ListAsync(string? tag, string? author, string? continueAfter, int limit, CancellationToken cancellationToken)
    {
        var partition = (tag, author) switch
        {
            (not null, _) => ListingKeys.ForTag(tag),
            (null, not null) => ListingKeys.ForAuthor(Slugs.From(author)),
            _ => ListingKeys.AllPosts,
        };
        return _index.QueryListingAsync(partition, continueAfter, _time.GetUtcNow(), Math.Clamp(limit, 1, MaxPageSize), cancellationToken);
    }

    /// <summary>Every public post, newest first, read a page at a time (for tags, feed and sitemap).</summary>
    public async IAsyncEnumerable<ListingEntry> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        string? after = null;
        do
        {
            // 999 rows plus the one-row look-ahead fill exactly one 1,000-entity response from the table service.
            var page = await _index.QueryListingAsync(ListingKeys.AllPosts, after, now, 999, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            after = page.ContinueAfter;
        }
        while (after is not null);
    }

    public async Task<PostLookup> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var entry = await _index.GetPostAsync(slug, cancellationToken);
        if (entry is not null)
        {
            if (!entry.Post.IsPublicAt(_time.GetUtcNow()))
            {
                return new PostLookup.NotFound();
            }

            var html = await _html.ReadAsync(slug, cancellationToken);
            return html is null ? new PostLookup.NotFound() : new PostLookup.Found(new PublishedPost(entry, html));
        }

        var target = await _index.GetAliasAsync(slug, cancellationToken);
        return target is not null && target != slug ? new PostLookup.Moved(target) : new PostLookup.NotFound();
    }
}
