using System.Collections.Concurrent;
using System.Diagnostics;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Publishing.Sync;

/// <summary>Progress of a bulk run: how many files are done, how fast, and how many were rejected.</summary>
public sealed record BulkProgress(int Done, int Total, int Rejected, double PerSecond);

/// <summary>What a reindex did, by outcome, plus the rows it found orphaned (listing, post and alias rows no status row owns) and removed.</summary>
public sealed record ReindexReport(IReadOnlyList<SyncResult> Results, int OrphanRowsRemoved, TimeSpan Elapsed)
{
    public int Count(SyncOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}

/// <summary>
/// Runs the publish use case over every source file (the trigger's work, in bulk), then removes
/// posts whose files are gone, listing and post rows that no status row owns (telling the site
/// notifier, so their search documents go too), and aliases whose target post is gone. One file that cannot be processed never stops the others. Safe to run while
/// uploads are happening: each file goes through <see cref="ContentSync"/>, and only rows older
/// than <see cref="OrphanGrace"/> are treated as orphans, so a publish in flight is left alone.
/// </summary>
public sealed partial class Reindexer
{
    public static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(10);

    private readonly ContentSync _sync;
    private readonly ISourceStore _sources;
    private readonly ISourceRecordIndex _records;
    private readonly IPostIndexWriter _index;
    private readonly ISiteChangeNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger<Reindexer> _logger;

    public Reindexer(ContentSync sync, ISourceStore sources, ISourceRecordIndex records, IPostIndexWriter index, ISiteChangeNotifier notifier, TimeProvider time, ILogger<Reindexer> logger)
    {
        _sync = sync;
        _sources = sources;
        _records = records;
        _index = index;
        _notifier = notifier;
        _time = time;
        _logger = logger;
    }

    public async Task<ReindexReport> ReindexAsync(int maxParallelism, IProgress<BulkProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var names = new List<string>();
        await foreach (var name in _sources.ListNamesAsync(cancellationToken))
        {
            names.Add(name);
        }

        var present = new HashSet<string>(names, StringComparer.Ordinal);
        await foreach (var record in _records.ListSourcesAsync(cancellationToken))
        {
            if (!present.Contains(record.BlobName))
            {
                names.Add(record.BlobName);
            }
        }

        var results = await RunAsync(names, _sync.SyncAsync, maxParallelism, progress, cancellationToken);
        var orphans = await RemoveOrphansAsync(started - OrphanGrace, cancellationToken);
        var report = new ReindexReport(results, orphans, clock.Elapsed);
        LogReport(report.Count(SyncOutcome.Added), report.Count(SyncOutcome.Updated), report.Count(SyncOutcome.Unchanged), report.Count(SyncOutcome.Removed), results.Count(r => r.IsRejected), orphans);
        return report;
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> with bounded parallelism, reporting progress; results come back in input order.</summary>
    public static async Task<IReadOnlyList<SyncResult>> RunAsync(
        IReadOnlyList<string> items,
        Func<string, CancellationToken, Task<SyncResult>> work,
        int maxParallelism,
        IProgress<BulkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var results = new SyncResult[items.Count];
        var done = 0;
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (i, ct) =>
        {
            SyncResult result;
            try
            {
                result = await work(items[i], ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // The publish use case records every failure about a file itself, so what reaches here is an
                // outage or a file that kept changing: report it and carry on with the rest.
                result = new SyncResult(items[i], SyncOutcome.Failed, Message: $"not processed this time ({ex.GetType().Name}: {ex.Message}); run reindex again.");
            }

            results[i] = result;
            if (result.IsRejected)
            {
                Interlocked.Increment(ref rejected);
            }

            var count = Interlocked.Increment(ref done);
            progress?.Report(new BulkProgress(count, items.Count, Volatile.Read(ref rejected), count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)));
        });
        return results;
    }

    private async Task<int> RemoveOrphansAsync(DateTimeOffset writtenBefore, CancellationToken ct)
    {
        var owned = new ConcurrentDictionary<IndexKey, bool>();
        var ownedSlugs = new HashSet<(string Slug, string Blob)>();
        await foreach (var record in _records.ListSourcesAsync(ct))
        {
            foreach (var key in record.IndexKeys)
            {
                owned[key] = true;
            }

            if (record.Slug is not null)
            {
                ownedSlugs.Add((record.Slug, record.BlobName));
            }
        }

        // A post row whose source file has no status row naming that slug was left by an attempt that
        // died before its status row was written: nothing vouches for it, so it goes.
        var removed = 0;
        var posts = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (slug, blob, written) in _index.ListPostsAsync(ct))
        {
            if (written < writtenBefore && !ownedSlugs.Contains((slug, blob)))
            {
                await _index.ReleaseSlugAsync(slug, blob, ct);
                // Told like any removal, so what was made from the row (search document, related lists, page) goes too.
                await _notifier.ChangedAsync(new ContentChange(SourceKind.Post, SyncOutcome.Removed, blob, slug, null), ct);
                removed++;
            }
            else
            {
                posts.Add(slug);
            }
        }

        var aliases = new List<string>();
        await foreach (var (alias, target) in _index.ListAliasesAsync(null, ct))
        {
            if (!posts.Contains(target))
            {
                aliases.Add(alias);
            }
        }

        foreach (var alias in aliases)
        {
            await _index.DeleteAliasAsync(alias, ct);
        }

        removed += aliases.Count;

        var orphans = new List<IndexKey>();
        await foreach (var (key, written) in _index.ListAllListingKeysAsync(ct))
        {
            if (written < writtenBefore && !owned.ContainsKey(key))
            {
                orphans.Add(key);
            }
        }

        await _index.DeleteListingAsync(orphans, ct);
        return removed + orphans.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindex: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected, {Orphans} orphan rows (listing, post, alias) removed")]
    private partial void LogReport(int added, int updated, int unchanged, int removed, int rejected, int orphans);
}
