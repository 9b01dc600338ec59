using HealthFunctions.Site.Pages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Writing;

/// <summary>What refreshing one page did.</summary>
public enum PageOutcome
{
    /// <summary>A render that began after the change was requested already wrote the page.</summary>
    UpToDate,
    Written,
    Removed,

    /// <summary>The page should not exist and does not.</summary>
    Absent,

    /// <summary>The page should go, but removing it was left to the queue (links to it go first).</summary>
    RemovalDeferred,

    /// <summary>The page should go, but pages whose sidebars may link to it have not all been rewritten yet.</summary>
    RemovalWaiting,
}

public sealed record PageRefresh(PageOutcome Outcome, PageStamp? Before, PageOutput? Output);

/// <summary>
/// Brings one page in line with the index, safely when run twice at once or replayed: it skips a
/// page already rendered after the change was requested, writes under the stamp it read (so a slower
/// render never overwrites a newer one), and before removing a page rewrites the pages that link to it.
/// </summary>
public sealed partial class PageWriter
{
    private const int MaxAttempts = 5;

    private readonly SitePages _pages;
    private readonly IPageStore _store;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;
    private readonly ILogger<PageWriter> _logger;

    public PageWriter(SitePages pages, IPageStore store, TimeProvider time, IOptions<SiteOptions> options, ILogger<PageWriter> logger)
    {
        _pages = pages;
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <param name="mayRemove">Asked before a page is removed, with its stamp; false leaves it for now (<see cref="PageOutcome.RemovalWaiting"/>).</param>
    /// <param name="onlyExistingLinks">
    /// Link only to posts whose pages exist (a post page written in its trigger run, while another
    /// upload's page may not be there yet). When a link was left out, the page is stamped as rendered
    /// at <see cref="DateTimeOffset.MinValue"/>, so the next message for it renders it in full.
    /// </param>
    public async Task<PageRefresh> RefreshAsync(string key, DateTimeOffset requested, bool allowRemove, CancellationToken ct, Func<PageStamp, Task<bool>>? mayRemove = null, bool onlyExistingLinks = false)
    {
        var paths = PageKeys.PathsOf(key);
        var primary = paths[^1];
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stamp = await _store.GetStampAsync(primary, ct);
            if (stamp is not null && stamp.RenderedAt > requested)
            {
                return new PageRefresh(PageOutcome.UpToDate, stamp, null);
            }

            var started = _time.GetUtcNow();
            var leftOut = false;
            PageExists? existing = null;
            if (onlyExistingLinks)
            {
                existing = async (linked, token) =>
                {
                    var found = await ExistsAsync(linked, token);
                    leftOut |= !found;
                    return found;
                };
            }

            var output = await _pages.BuildAsync(key, ct, existing);
            if (output.Exists)
            {
                foreach (var file in output.Files.SkipLast(1))
                {
                    await _store.WriteAsync(new PageWrite(file, CacheControl(file.Kind)), ct);
                }

                var last = output.Files[^1];
                if (await _store.TryWriteAsync(new PageWrite(last, CacheControl(last.Kind), leftOut ? DateTimeOffset.MinValue : started, output.LinkedFrom), stamp, ct))
                {
                    LogPage(key, PageOutcome.Written);
                    return new PageRefresh(PageOutcome.Written, stamp, output);
                }
            }
            else if (stamp is null)
            {
                foreach (var path in paths.SkipLast(1))
                {
                    await _store.DeleteAsync(path, ct);
                }

                return new PageRefresh(PageOutcome.Absent, null, output);
            }
            else if (!allowRemove)
            {
                return new PageRefresh(PageOutcome.RemovalDeferred, stamp, output);
            }
            else if (mayRemove is not null && !await mayRemove(stamp))
            {
                return new PageRefresh(PageOutcome.RemovalWaiting, stamp, output);
            }
            else
            {
                // Links go before the page: rewrite every page that linked to it from the index, which no longer lists it.
                foreach (var linking in stamp.LinkedFrom.Where(k => k != key && PageKeys.IsValid(k)))
                {
                    await RefreshAsync(linking, started, allowRemove: false, ct);
                }

                if (await _store.TryDeleteAsync(primary, stamp, ct))
                {
                    foreach (var path in paths.SkipLast(1))
                    {
                        await _store.DeleteAsync(path, ct);
                    }

                    LogPage(key, PageOutcome.Removed);
                    return new PageRefresh(PageOutcome.Removed, stamp, output);
                }
            }

            LogRace(key, attempt);
        }

        throw new InvalidOperationException($"Page '{key}' kept changing while it was written; giving up after {MaxAttempts} attempts so the message is retried.");
    }

    /// <summary>
    /// Writes a first version of a page that does not exist yet, linking only to pages that exist now
    /// (so it is written before the new post it will list). Its stamp says it was rendered at
    /// <see cref="DateTimeOffset.MinValue"/>, so the next message for the page renders it in full.
    /// False when the page exists already (or should not exist).
    /// </summary>
    public async Task<bool> WriteFirstVersionAsync(string key, CancellationToken ct)
    {
        var paths = PageKeys.PathsOf(key);
        if (await _store.GetStampAsync(paths[^1], ct) is not null)
        {
            return false;
        }

        var output = await _pages.BuildAsync(key, ct, ExistsAsync);
        if (!output.Exists)
        {
            return false;
        }

        foreach (var file in output.Files.SkipLast(1))
        {
            // A file beside the page (a tag's feed) is only written if missing: a complete one is never replaced by a first version.
            await _store.TryWriteAsync(new PageWrite(file, CacheControl(file.Kind)), null, ct);
        }

        var last = output.Files[^1];
        var written = await _store.TryWriteAsync(new PageWrite(last, CacheControl(last.Kind), DateTimeOffset.MinValue, output.LinkedFrom), null, ct);
        if (written)
        {
            LogPage(key, PageOutcome.Written);
        }

        return written;
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken ct) =>
        await _store.GetStampAsync(PageKeys.PathsOf(key)[^1], ct) is not null;

    /// <summary>How long browsers and CDNs keep a file: posts longer than lists; redirects a day.</summary>
    public string CacheControl(PageKind kind) => kind switch
    {
        PageKind.Post => $"public, max-age={_options.PostMaxAgeSeconds}",
        PageKind.Redirect => "public, max-age=86400",
        _ => $"public, max-age={_options.ListMaxAgeSeconds}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Page {Key}: {Outcome}")]
    private partial void LogPage(string key, PageOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Page {Key} changed while attempt {Attempt} wrote it; starting over")]
    private partial void LogRace(string key, int attempt);
}
