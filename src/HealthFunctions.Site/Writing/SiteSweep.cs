using HealthFunctions.Site.Pages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Writing;

/// <summary>
/// Rewrites every page, a bounded batch per message, one sweep at a time. A request (a rebuild, or
/// "Latest Posts" changed) starts a sweep unless the one in progress already covers it: for a
/// rebuild, one that began after the request; for Latest Posts, one that began with the same box.
/// A newer sweep supersedes an older one, whose next batch then stops.
/// <para>
/// The run that starts a sweep reads the site's page keys once and saves them, in order, as numbered
/// chunks of at most <see cref="SiteOptions.SweepBatchSize"/> keys; the recorded cursor is the number
/// of the next chunk. Each batch reads its one chunk by a point read, sends its page messages
/// (stamped with the sweep's start, so a page written since is skipped) and one message for the next
/// batch, and advances the cursor under its ETag, so a replayed or doubled batch sends nothing twice
/// down the line and no batch's work grows with the site. The last batch deletes the list; a new
/// sweep deletes the list of the one it replaces and any list a crashed start left behind.
/// </para>
/// </summary>
public sealed partial class SiteSweep
{
    /// <summary>
    /// How long a saved list may wait for its sweep to be recorded before a later sweep's start deletes
    /// it as a crashed start's: far beyond the few seconds between the save and the record.
    /// </summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

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
            await BatchAsync(started, message.Chunk ?? 0, ct);
            return;
        }

        var state = await _store.GetAsync(ct);
        var latest = SiteReader.Fingerprint(await _reader.LatestAsync(ct));
        bool Covers(SweepState sweep) => message.Sidebars ? sweep.Latest == latest : sweep.Started > message.Requested;
        if (state is { Chunks: > 0 } && Covers(state))
        {
            LogCovered(message.Requested);
            if (state.Next == 0)
            {
                // This may be the request again whose run recorded the sweep and stopped before its
                // first batch: send that batch, unless it has been sent.
                await BatchAsync(state.Started, 0, ct, onlyIfNotSent: true);
            }

            return;
        }

        await StartAsync(state, Covers, latest, message.Sidebars ? "Latest Posts changed" : "rebuild", ct);
    }

    /// <summary>Starts a sweep that replaces <paramref name="state"/>, unless a sweep recorded meanwhile <paramref name="covers"/> the request.</summary>
    private async Task StartAsync(SweepState? state, Func<SweepState, bool> covers, string latest, string reason, CancellationToken ct)
    {
        // The keys are taken once, here. A page created after this moment is not among them, and needs
        // not be: the publish that creates it writes it then, with the box as it is then, and a post
        // that enters the box changes the box, which starts a sweep of its own. A key whose post is
        // deleted meanwhile is handled by the page writer as any page message for it: its page is
        // already gone (nothing to do) or is removed as its own removal would remove it.
        var started = _time.GetUtcNow();
        var keys = (await _rebuilder.AllKeysAsync(ct)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var saved = await _store.SaveKeysAsync(started, keys, _options.SweepBatchSize, ct);
        var sweep = new SweepState(started, latest, saved.Name, saved.Chunks, 0);
        while (!await _store.TrySetAsync(sweep, state, ct))
        {
            // Changed while the keys were read: a batch of the sweep in progress moved its cursor (try
            // again over it), or another handler started a sweep, which may cover this request too.
            state = await _store.GetAsync(ct);
            if (state is { Chunks: > 0 } && covers(state))
            {
                await _store.DeleteKeysAsync(saved.Name, ct);
                return;
            }
        }

        LogStarted(started, reason);
        if (state is { Keys.Length: > 0 })
        {
            await _store.DeleteKeysAsync(state.Keys, ct); // the sweep replaced: superseded, or finished but for its clean-up
        }

        await _store.DeleteKeysBeforeAsync(started - AbandonedAfter, saved.Name, ct);
        await BatchAsync(started, 0, ct);
    }

    private async Task BatchAsync(DateTimeOffset started, int chunk, CancellationToken ct, bool onlyIfNotSent = false)
    {
        var state = await _store.GetAsync(ct);
        if (state is null || state.Started != started)
        {
            return; // superseded by a newer sweep
        }

        if (state.Chunks == 0)
        {
            // Recorded before sweeps kept a list of keys: begin again with one.
            await StartAsync(state, _ => true, state.Latest, "sweep recorded without a key list", ct);
            return;
        }

        if (state.Next != chunk && (state.Next != chunk + 1 || onlyIfNotSent))
        {
            return; // a copy of this batch already ran further
        }

        if (state.Next == chunk)
        {
            if (await _store.GetChunkAsync(state.Keys, chunk, ct) is not { } keys)
            {
                return; // superseded since the state was read: its list is gone
            }

            await _queue.SendAsync(keys.Select(key => new PageMessage { Page = key, Requested = started, FromRebuild = true }), TimeSpan.Zero, ct);
            if (!await _store.TrySetAsync(state with { Next = chunk + 1 }, state, ct))
            {
                return; // a copy of this batch got there first and hands on
            }
        }

        if (chunk + 1 < state.Chunks)
        {
            await _queue.SendAsync([new PageMessage { Rebuild = true, Requested = started, Sweep = started, Chunk = chunk + 1 }], TimeSpan.Zero, ct);
        }
        else
        {
            await _store.DeleteKeysAsync(state.Keys, ct); // the last batch: the list has done its work
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site sweep not needed for the request of {Requested}: the sweep in progress covers it")]
    private partial void LogCovered(DateTimeOffset requested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site sweep started at {Started} ({Reason})")]
    private partial void LogStarted(DateTimeOffset started, string reason);
}
