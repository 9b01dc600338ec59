using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Writing;

/// <summary>
/// The site's side of a publish. Within the upload's own trigger run it writes the post's page
/// (and the redirect pages at its old slug and aliases, and a first version of any tag, author or
/// month page the post links to that does not exist yet); everything shared (home, lists, feeds,
/// sitemap, neighbours) and every fan-out goes through the page queue, delayed so bursts coalesce.
/// </summary>
public sealed partial class SitePublisher : ISiteChangeNotifier
{
    private readonly PageWriter _writer;
    private readonly IThemeSource _theme;
    private readonly IPageQueue _queue;
    private readonly IPostIndexReader _index;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;
    private readonly ILogger<SitePublisher> _logger;

    public SitePublisher(PageWriter writer, IThemeSource theme, IPageQueue queue, IPostIndexReader index, TimeProvider time, IOptions<SiteOptions> options, ILogger<SitePublisher> logger)
    {
        _writer = writer;
        _theme = theme;
        _queue = queue;
        _index = index;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    private TimeSpan Coalesce => TimeSpan.FromSeconds(_options.CoalesceSeconds);

    public async Task ChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        switch (change.Kind)
        {
            case SourceKind.Post:
                await PostChangedAsync(change, now, cancellationToken);
                break;
            case SourceKind.Theme or SourceKind.ThemeAsset:
                // Every page is made from the theme and names its assets' version. Sent after the theme cache has let go of the old template.
                _theme.Forget();
                await _queue.SendAsync([new PageMessage { Rebuild = true, Requested = now }], Coalesce + SourceThemeSource.CacheTime, cancellationToken);
                break;
            case SourceKind.Author or SourceKind.Site:
                // Bylines, the About Me box and the site's title are on every page. A removed author's
                // page goes once every page has been rewritten without a link to it (PageWork waits).
                var messages = new List<PageMessage> { new() { Rebuild = true, Requested = now } };
                if (change.Kind == SourceKind.Author && change.Slug is { } author)
                {
                    messages.Add(new PageMessage { Page = PageKeys.Author(author), Requested = now });
                }

                await _queue.SendAsync(messages, Coalesce, cancellationToken);
                break;
        }
    }

    public async Task<bool> TryDeferResyncAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await _queue.SendAsync(blobNames.Select(name => new PageMessage { Resync = name, Requested = now }), Coalesce, cancellationToken);
        return true;
    }

    private async Task PostChangedAsync(ContentChange change, DateTimeOffset now, CancellationToken ct)
    {
        var later = new List<PageMessage>();
        if (change.Slug is { } slug)
        {
            var entry = await _index.GetPostAsync(slug, ct);
            if (entry is { Post: var post } && post.IsPublicAt(now))
            {
                foreach (var key in PagesItLinksTo(post.Tags, [post.Author, post.ReviewedBy], post.Published))
                {
                    // Only a first version, without this post (its page is not there yet): the queue adds it.
                    if (await _writer.WriteFirstVersionAsync(key, ct))
                    {
                        LogCreated(key, slug);
                    }
                }
            }

            var refresh = await _writer.RefreshAsync(PageKeys.Post(slug), now, allowRemove: false, ct, onlyExistingLinks: true);
            later.AddRange(Keys(refresh.Before?.LinkedFrom).Concat(Keys(refresh.Output?.LinkedFrom)).Distinct(StringComparer.Ordinal).Select(key => new PageMessage { Page = key, Requested = now }));
            if (InLatest(refresh.Before) || InLatest(refresh.Output?.LinkedFrom))
            {
                // The post is, or was, in "Latest Posts" on every page: a sweep rewrites them if the box changed.
                later.Add(new PageMessage { Sidebars = true, Requested = now });
            }
            if (refresh.Outcome == PageOutcome.RemovalDeferred)
            {
                later.Add(new PageMessage { Page = PageKeys.Post(slug), Requested = now });
            }

            if (entry is { Post: { Draft: false } scheduled })
            {
                // A scheduled post appears, and an expiring one goes, by itself: a message due at that moment.
                foreach (var moment in new[] { scheduled.Published, scheduled.ExpiryDate }.OfType<DateTimeOffset>().Where(t => t > now))
                {
                    await PageQueueing.SendDueAsync(_queue, new PageMessage { Page = PageKeys.Post(slug), Requested = moment, NotBefore = moment }, now, _options, ct);
                }
            }

            foreach (var alias in entry?.Post.Aliases ?? [])
            {
                await _writer.RefreshAsync(PageKeys.Post(alias), now, allowRemove: false, ct);
            }
        }

        if (change.PreviousSlug is { } previous && previous != change.Slug)
        {
            // The old address becomes a redirect page (the index holds the alias), written after the new page.
            var moved = await _writer.RefreshAsync(PageKeys.Post(previous), now, allowRemove: false, ct);
            later.AddRange(Keys(moved.Before?.LinkedFrom).Select(key => new PageMessage { Page = key, Requested = now }));
            if (moved.Outcome == PageOutcome.RemovalDeferred)
            {
                later.Add(new PageMessage { Page = PageKeys.Post(previous), Requested = now });
            }
        }

        await _queue.SendAsync(later.DistinctBy(m => m.Page ?? "sidebars"), Coalesce, ct);
    }

    private static bool InLatest(PageStamp? stamp) => InLatest(stamp?.LinkedFrom);

    private static bool InLatest(IReadOnlyList<string>? linkedFrom) => linkedFrom?.Contains(PageKeys.Sidebar) == true;

    private static IEnumerable<string> Keys(IReadOnlyList<string>? keys) => (keys ?? []).Where(PageKeys.IsValid);

    /// <summary>The pages a post's page links to that list posts: home, its tags, its author's and reviewer's pages, its month.</summary>
    private static IEnumerable<string> PagesItLinksTo(IEnumerable<string> tags, IEnumerable<string?> people, DateTimeOffset published) =>
        new[] { PageKeys.Home }.Concat(tags.Select(t => PageKeys.Tag(Slugs.From(t))))
            .Concat(people.OfType<string>().Select(person => PageKeys.Author(Slugs.From(person))))
            .Append(PageKeys.Archive(Pages.SiteReader.MonthOf(published)))
            .Distinct(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the first version of page {Key} for post {Slug}")]
    private partial void LogCreated(string key, string slug);
}
