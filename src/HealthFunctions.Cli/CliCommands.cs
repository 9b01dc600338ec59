using System.Globalization;
using System.Text.Json;
using HealthFunctions.Api;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Review;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Publishing.Theme;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Cli;

/// <summary>The storage-backed commands. Each returns the process exit code.</summary>
internal static class CliCommands
{
    public static async Task<int> PublishAsync(IServiceProvider services, string[] paths, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var sources = services.GetRequiredService<ISourceStore>();
        var uploads = new List<(string File, string BlobName)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var root = Path.GetFullPath(path);
                uploads.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Select(f => (File: f, BlobName: Path.GetRelativePath(root, f).Replace('\\', '/')))
                    .Where(u => SourceNames.Classify(u.BlobName, out _) != SourceKind.Ignored)
                    .OrderBy(u => u.BlobName, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                uploads.Add((path, Path.GetFileName(path)));
            }
            else
            {
                await stderr.WriteLineAsync($"error: {path}: no such file or folder.");
                return 2;
            }
        }

        var files = uploads.ToDictionary(u => u.BlobName, u => u.File, StringComparer.Ordinal);
        var results = await Reindexer.RunAsync(
            files.Keys.ToList(),
            async (blobName, token) =>
            {
                await using var stream = File.OpenRead(files[blobName]);
                await sources.UploadAsync(blobName, stream, ContentTypeOf(blobName), token);
                return new SyncResult(blobName, SyncOutcome.Added);
            },
            maxParallelism: 8,
            new ProgressPrinter(stderr, "uploaded"),
            ct);
        foreach (var result in results)
        {
            await stdout.WriteLineAsync($"uploaded {result.BlobName}");
        }

        await stdout.WriteLineAsync($"{results.Count} file(s) uploaded (posts, authors/*.md, site.yaml, images). The blob trigger publishes them; without the Functions host, run 'reindex'.");
        return 0;
    }

    private static string ContentTypeOf(string blobName) => SourceNames.Classify(blobName, out _) switch
    {
        SourceKind.Image => ImagePaths.ContentTypeOf(blobName) ?? "application/octet-stream",
        SourceKind.Site => "application/yaml; charset=utf-8",
        SourceKind.ThemeAsset => ThemeAssetNames.ContentTypeOf(blobName) ?? "application/octet-stream",
        _ => "text/markdown; charset=utf-8",
    };

    public static async Task<int> ReindexAsync(IServiceProvider services, int parallelism, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var report = await services.GetRequiredService<Reindexer>().ReindexAsync(parallelism, new ProgressPrinter(stderr, "processed"), ct);
        foreach (var result in report.Results.Where(r => r.Outcome is not SyncOutcome.Unchanged))
        {
            var detail = result.Message is null ? string.Empty : $": {result.Message}";
            await stdout.WriteLineAsync($"{result.Outcome.ToString().ToLowerInvariant(),-9} {result.BlobName}{(result.Slug is null ? string.Empty : $" -> {result.Slug}")}{detail}");
        }

        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"reindex: {report.Count(SyncOutcome.Added)} added, {report.Count(SyncOutcome.Updated)} updated, {report.Count(SyncOutcome.Unchanged)} unchanged, {report.Count(SyncOutcome.Removed)} removed, {report.Results.Count(r => r.IsRejected)} rejected, {report.Count(SyncOutcome.Ignored)} ignored, {report.OrphanRowsRemoved} orphan rows removed in {report.Elapsed.TotalSeconds:F1}s"));
        var site = await services.GetRequiredService<SiteRebuilder>().RebuildAsync(parallelism, ct);
        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"site: {site.Pages} pages, {site.Written} written, {site.Removed} removed, {site.Orphans} orphan files removed in {site.Elapsed.TotalSeconds:F1}s ({site.Pages / Math.Max(site.Elapsed.TotalSeconds, 1e-3):F0} pages/s)"));
        return report.Results.Any(r => r.IsRejected) ? 1 : 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, int limit, string? tag, bool asJson, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (limit is < 1 or > PostQueries.MaxPageSize)
        {
            await stderr.WriteLineAsync($"error: --limit must be from 1 to {PostQueries.MaxPageSize}.");
            return 2;
        }

        var page = await services.GetRequiredService<PostQueries>().ListAsync(tag, null, null, limit, ct);
        if (asJson)
        {
            var html = services.GetRequiredService<IHtmlStore>();
            var items = page.Items.Select(entry => PostSummary.From(entry, html.LocationOf(entry.Slug))).ToList();
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new CliPostList(items, page.ContinueAfter is not null), CliJson.Indented));
            return 0;
        }

        foreach (var post in page.Items)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{post.Published:d MMMM yyyy}  {post.Slug}  {post.Title}  ({post.WordCount} words)"));
            await stdout.WriteLineAsync($"    {post.Excerpt}");
        }

        await stdout.WriteLineAsync($"{page.Items.Count} post(s){(page.ContinueAfter is null ? string.Empty : "; more follow")}.");
        return 0;
    }

    /// <summary>Exit code 1 when any listed file could not be published, so scripts can stop on it.</summary>
    public static async Task<int> StatusAsync(IServiceProvider services, bool failedOnly, bool asJson, TextWriter stdout, CancellationToken ct)
    {
        var statuses = new List<SourceStatus>();
        await foreach (var record in services.GetRequiredService<ISourceRecordIndex>().ListSourcesAsync(ct))
        {
            var status = SourceStatus.From(record);
            if (!failedOnly || status.IsFailure)
            {
                statuses.Add(status);
            }
        }

        var ordered = SourceStatus.FailuresFirst(statuses);
        if (asJson)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new SourceStatusList(ordered), CliJson.Indented));
        }
        else
        {
            foreach (var status in ordered)
            {
                var detail = status.Message is null ? string.Empty : $": {status.Message}";
                await stdout.WriteLineAsync($"{status.State.ToLowerInvariant(),-9} {status.Blob}{(status.Slug is null ? string.Empty : $" -> {status.Slug}")}{detail}");
                foreach (var warning in status.Warnings)
                {
                    await stdout.WriteLineAsync($"          warning: {warning}");
                }
            }

            await stdout.WriteLineAsync($"{ordered.Count} file(s).");
        }

        return ordered.Any(s => s.IsFailure) ? 1 : 0;
    }

    /// <summary>Prints the public posts due for medical review, oldest review first.</summary>
    public static async Task<int> ReviewDueAsync(IServiceProvider services, bool asJson, TextWriter stdout, CancellationToken ct)
    {
        var due = await services.GetRequiredService<ReviewPolicy>().ListDueAsync(ct);
        if (asJson)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new ReviewDueList(due.Select(ReviewDueItem.From).ToList()), CliJson.Indented));
            return 0;
        }

        foreach (var item in due)
        {
            var reviewed = item.LastReviewed is { } date ? $"reviewed {date:yyyy-MM-dd} by {item.ReviewedBy}" : "never reviewed";
            await stdout.WriteLineAsync($"{item.Slug}  {reviewed}  \"{item.Title}\"");
        }

        await stdout.WriteLineAsync($"{due.Count} post(s) due for review.");
        return 0;
    }

    /// <summary>Prints count, rate and failures to stderr every 50 files and at the end.</summary>
    private sealed class ProgressPrinter(TextWriter stderr, string verb) : IProgress<BulkProgress>
    {
        private readonly Lock _gate = new();

        public void Report(BulkProgress value)
        {
            if (value.Done % 50 != 0 && value.Done != value.Total)
            {
                return;
            }

            lock (_gate)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb} {value.Done}/{value.Total} ({value.PerSecond:F0}/s, {value.Rejected} rejected)"));
            }
        }
    }
}
