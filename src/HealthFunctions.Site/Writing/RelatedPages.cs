using HealthFunctions.Publishing.Related;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Writing;

/// <summary>Has the pages of posts whose related-posts lists changed rewritten, through the page queue (delayed, so bursts coalesce).</summary>
public sealed class RelatedPages : IRelatedListsChanged
{
    private readonly IPageQueue _queue;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;

    public RelatedPages(IPageQueue queue, TimeProvider time, IOptions<SiteOptions> options)
    {
        _queue = queue;
        _time = time;
        _options = options.Value;
    }

    public async Task ChangedAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        if (slugs.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var messages = slugs.Distinct(StringComparer.Ordinal).Select(slug => new PageMessage { Page = PageKeys.Post(slug), Requested = now });
        await _queue.SendAsync(messages, TimeSpan.FromSeconds(_options.CoalesceSeconds), cancellationToken);
    }
}
