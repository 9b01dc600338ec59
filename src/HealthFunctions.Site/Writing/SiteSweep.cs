using HealthFunctions.Site.Pages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Writing;

/// <summary>
/// Rewrites every page, a bounded batch per message, one sweep at a time. A request (a rebuild, or
/// "Latest Posts" changed) starts a sweep unless the one in progress already covers it: for a
/// rebuild, one that began after the request; for Latest Posts, one that began with the same box.
/// A newer sweep supersedes an older one, whose next batch then stops. Each batch sends at most
/// <see cref="SiteOptions.SweepBatchSize"/> page messages (stamped with the sweep's start, so a page
/// written since is skipped) and one message for the next batch, and advances the recorded cursor
/// under its ETag, so a replayed or doubled batch sends nothing twice down the line.
/// </summary>
public sealed partial class SiteSweep
{
    private readonly SiteRebuilder _rebuilder;
    private readonly SiteReader _reader;
    private readonly ISweepStore _store;
    private readonly IPageQueue _queue;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;
    private readonly ILogger<SiteSweep> _logger;

    public SiteSweep(SiteRebuilder rebuilder, SiteReader reader, ISweepStore store, IPageQueue queue, TimeProvider time, IOptions<SiteOptions> options, ILogger<SiteSweep> logger)
    {
        _rebuilder = rebuilder;
        _reader = reader;
        _store = store;
        _queue = queue;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task HandleAsync(PageMessage message, CancellationToken ct)
    {
        if (message.Sweep is { } started)
        {
            await BatchAsync(started, message.After, ct);
            return;
        }

        var state = await _store.GetAsync(ct);
        var latest = SiteReader.Fingerprint(await _reader.LatestAsync(ct));
        if (message.Sidebars ? state?.Latest == latest : state?.Started > message.Requested)
        {
            LogCovered(message.Requested);
            return;
        }

        var sweep = new SweepState(_time.GetUtcNow(), latest, null);
        if (await _store.TrySetAsync(sweep, state, ct))
        {
            // Another handler that started one at the same moment covers this request too.
            LogStarted(sweep.Started, message.Sidebars ? "Latest Posts changed" : "rebuild");
            await BatchAsync(sweep.Started, null, ct);
        }
    }

    private async Task BatchAsync(DateTimeOffset started, string? after, CancellationToken ct)
    {
        var state = await _store.GetAsync(ct);
        if (state is null || state.Started != started)
        {
            return; // superseded by a newer sweep
        }

        var size = _options.SweepBatchSize;
        var keys = (await _rebuilder.AllKeysAsync(ct)).Where(k => after is null || string.CompareOrdinal(k, after) > 0).Order(StringComparer.Ordinal).Take(size + 1).ToList();
        var batch = keys.Take(size).ToList();
        var end = batch.Count > 0 ? batch[^1] : after;
        if (state.After != after && state.After != end)
        {
            return; // a copy of this batch already ran further
        }

        if (state.After == after)
        {
            await _queue.SendAsync(batch.Select(key => new PageMessage { Page = key, Requested = started, FromRebuild = true }), TimeSpan.Zero, ct);
            if (!await _store.TrySetAsync(state with { After = end }, state, ct))
            {
                return; // a copy of this batch got there first and hands on
            }
        }

        if (keys.Count > size)
        {
            await _queue.SendAsync([new PageMessage { Rebuild = true, Requested = started, Sweep = started, After = end }], TimeSpan.Zero, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site sweep not needed for the request of {Requested}: the sweep in progress covers it")]
    private partial void LogCovered(DateTimeOffset requested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site sweep started at {Started} ({Reason})")]
    private partial void LogStarted(DateTimeOffset started, string reason);
}
