using System.Text.Json;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Writing;

/// <summary>
/// Handles one page-queue message. Every message is safe to replay and to run twice at once: a page
/// is only rewritten when no render that began after the message's request time wrote it, and
/// writes are conditional on the version read.
/// </summary>
public sealed partial class PageWork
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How many times a removal waits for the sidebars to be rewritten before it goes ahead anyway.</summary>
    public const int MaxSidebarWaits = 60;

    private readonly PageWriter _writer;
    private readonly SitePublisher _publisher;
    private readonly SiteRebuilder _rebuilder;
    private readonly SiteSweep _sweep;
    private readonly IPageQueue _queue;
    private readonly ContentSync _sync;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;
    private readonly ILogger<PageWork> _logger;
    private readonly PublishingTelemetry _telemetry;

    public PageWork(PageWriter writer, SitePublisher publisher, SiteRebuilder rebuilder, SiteSweep sweep, IPageQueue queue, ContentSync sync, TimeProvider time, IOptions<SiteOptions> options, ILogger<PageWork> logger, PublishingTelemetry telemetry)
    {
        _telemetry = telemetry;
        _writer = writer;
        _publisher = publisher;
        _rebuilder = rebuilder;
        _sweep = sweep;
        _queue = queue;
        _sync = sync;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task HandleAsync(string text, CancellationToken ct)
    {
        PageMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<PageMessage>(text, Json);
        }
        catch (JsonException)
        {
            message = null;
        }

        if (message is null || (message.Page is not null && !PageKeys.IsValid(message.Page)))
        {
            LogDropped(text.Length > 200 ? text[..200] : text);
            return;
        }

        using var activity = _telemetry.StartPageWork(WorkName(message), message.Page ?? message.Resync, message.TraceParent, message.Due);
        await HandleAsync(message, ct);
    }

    private static string WorkName(PageMessage message) =>
        message.Resync is not null ? "resync"
        : message.Rebuild ? "rebuild"
        : message.Sidebars ? "sidebars"
        : message.NotBefore is not null ? "scheduled"
        : "page";

    private async Task HandleAsync(PageMessage message, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (message.NotBefore is { } due && due > now)
        {
            // Beyond the queue's longest delay: send it on for another hop.
            await PageQueueing.SendDueAsync(_queue, message, now, _options, ct);
            return;
        }

        if (message.Resync is { } blobName)
        {
            await _sync.SyncAsync(blobName, force: true, ct);
        }
        else if (message.Rebuild || message.Sidebars)
        {
            await _sweep.HandleAsync(message, ct);
        }
        else if (message.NotBefore is not null && message.Page!.StartsWith(PageKeys.PostPrefix, StringComparison.Ordinal))
        {
            // A scheduled post's time, or an expiring post's end, has come: as if it had just been published.
            var slug = message.Page[PageKeys.PostPrefix.Length..];
            await _publisher.ChangedAsync(new ContentChange(SourceKind.Post, SyncOutcome.Updated, string.Empty, slug, null), ct);
        }
        else if (message.Page is { } key)
        {
            var refresh = await _writer.RefreshAsync(key, message.Requested, allowRemove: true, ct, stamp => MayRemoveAsync(key, stamp, message, ct));
            if (refresh.Outcome == PageOutcome.RemovalWaiting)
            {
                await WaitForSidebarsAsync(message, now, ct);
            }
            else if (refresh.Outcome == PageOutcome.Written && !message.FromRebuild && refresh.Output is { } output)
            {
                // Pages that started or stopped linking here (a post's neighbours moved) are brought along.
                var before = refresh.Before?.LinkedFrom ?? [];
                var changed = output.LinkedFrom.Except(before).Concat(before.Except(output.LinkedFrom)).Where(k => k != key && PageKeys.IsValid(k)).ToList();
                await _queue.SendAsync(changed.Select(k => new PageMessage { Page = k, Requested = now }), TimeSpan.FromSeconds(_options.CoalesceSeconds), ct);
            }
        }
    }

    /// <summary>
    /// A post that was in "Latest Posts" may be linked from any page's sidebar, and an author's page from
    /// any post's byline or review line: such a page goes only once every page has been rewritten since
    /// its removal was asked for (by the rebuild this message sends), or, should that never happen,
    /// after <see cref="MaxSidebarWaits"/> waits.
    /// </summary>
    private async Task<bool> MayRemoveAsync(string key, PageStamp stamp, PageMessage message, CancellationToken ct)
    {
        var linkedFromAnyPage = stamp.LinkedFrom.Contains(PageKeys.Sidebar) || key.StartsWith(PageKeys.AuthorPrefix, StringComparison.Ordinal);
        if (!linkedFromAnyPage || message.Waits >= MaxSidebarWaits)
        {
            return true;
        }

        return message.Waits > 0 && await _rebuilder.AllRenderedSinceAsync(message.SidebarsAsked ?? message.Requested, key, ct);
    }

    private async Task WaitForSidebarsAsync(PageMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var asked = message.SidebarsAsked ?? now;
        if (message.SidebarsAsked is null)
        {
            await _queue.SendAsync([new PageMessage { Rebuild = true, Requested = asked }], TimeSpan.Zero, ct);
        }

        var again = message with { Waits = message.Waits + 1, SidebarsAsked = asked };
        await _queue.SendAsync([again], TimeSpan.FromSeconds(_options.CoalesceSeconds + 1), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a page message that is not one this site sends: {Text}")]
    private partial void LogDropped(string text);
}
