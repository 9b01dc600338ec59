using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Review;

/// <summary>A public post due for medical review: never reviewed (no reviewer or no date), or reviewed too long ago.</summary>
public sealed record ReviewDue(string Slug, string Title, string? ReviewedBy, DateTimeOffset? LastReviewed, DateTimeOffset? DueSince);

/// <summary>Decides which posts are due for medical review and lists them, oldest review first.</summary>
public sealed class ReviewPolicy
{
    private readonly IPostIndexReader _index;
    private readonly TimeProvider _time;
    private readonly ReviewOptions _options;

    public ReviewPolicy([FromKeyedServices(StorageRoles.Reads)] IPostIndexReader index, TimeProvider time, IOptions<ReviewOptions> options)
    {
        _index = index;
        _time = time;
        _options = options.Value;
    }

    /// <summary>When the post's review runs out; null when it has never been reviewed (due already).</summary>
    public DateTimeOffset? DueAt(RenderedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return post.ReviewedBy is null || post.LastReviewed is not { } reviewed ? null : reviewed.AddMonths(_options.MaxAgeMonths);
    }

    /// <summary>True when the post has no reviewer or review date, or its review is at least the maximum age old.</summary>
    public bool IsDue(RenderedPost post) => DueAt(post) is not { } due || due <= _time.GetUtcNow();

    /// <summary>Every public post due for review: never-reviewed first, then oldest review first, then by slug.</summary>
    public async Task<IReadOnlyList<ReviewDue>> ListDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = new List<ReviewDue>();
        await foreach (var entry in _index.ListPostEntriesAsync(cancellationToken))
        {
            var post = entry.Post;
            if (post.IsPublicAt(now) && IsDue(post))
            {
                due.Add(new ReviewDue(post.Slug, post.Title, post.ReviewedBy, post.ReviewedBy is null ? null : post.LastReviewed, DueAt(post)));
            }
        }

        return due.OrderBy(d => d.LastReviewed ?? DateTimeOffset.MinValue).ThenBy(d => d.Slug, StringComparer.Ordinal).ToList();
    }
}
