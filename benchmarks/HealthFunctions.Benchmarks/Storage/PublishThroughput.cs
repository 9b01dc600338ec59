using System.Diagnostics;
using System.Globalization;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>
/// <c>publish</c> mode: posts per second through the whole publish use case against Azurite.
/// The corpus is uploaded to the source container first (not timed); then
/// <see cref="Reindexer.RunAsync"/> runs <see cref="ContentSync.SyncAsync(string, CancellationToken)"/> over every file with
/// bounded parallelism, which reads the blob, renders, claims the slug, writes the HTML blob,
/// upserts the listing rows and saves the status row. Each round publishes fresh slugs, so every
/// post is an insert, never an "unchanged" short cut.
/// </summary>
internal static class PublishThroughput
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output)
    {
        var count = arguments.Int("posts", 200);
        var parallelisms = arguments.Ints("parallelism", [8]);
        var rounds = arguments.Int("rounds", 3);
        var warmup = arguments.Int("warmup", 50);
        arguments.RejectUnknown();

        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = new StorageHost(azurite.ConnectionString, "publish");
        var sync = host.Get<ContentSync>();
        var sources = host.Get<ISourceStore>();
        output.WriteLine(Invariant($"publish: {count} posts per round, {rounds} round(s) per parallelism, {azurite.Description}, {Environment.ProcessorCount} cores"));

        // Warm-up: JIT, connection pools, container and table creation, Azurite's own warm-up.
        for (var round = 0; round < 2; round++)
        {
            var warm = PostCorpus.Generate(warmup, PostCorpus.Seed + 1, Invariant($"warm{round}"));
            await UploadAsync(sources, warm);
            await PublishAsync(sync, warm, parallelisms.Max());
        }

        var rates = new List<(int Parallelism, Stats PerSecond, double RequestsPerPost)>();
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var parallelism in parallelisms)
        {
            var perSecond = new List<double>();
            var requests = 0L;
            for (var round = 1; round <= rounds; round++)
            {
                var posts = PostCorpus.Generate(count, PostCorpus.Seed, Invariant($"p{parallelism}r{round}"));
                await UploadAsync(sources, posts);
                var before = host.Requests.Requests;
                var kindsBefore = host.Requests.ByKind.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
                var elapsed = await PublishAsync(sync, posts, parallelism);
                requests += host.Requests.Requests - before;
                foreach (var (kind, total) in host.Requests.ByKind)
                {
                    byKind[kind] = byKind.GetValueOrDefault(kind) + total - kindsBefore.GetValueOrDefault(kind);
                }
                perSecond.Add(count / elapsed.TotalSeconds);
                output.WriteLine(Invariant($"  parallelism {parallelism,2}, round {round}: {count} posts in {elapsed.TotalSeconds:F2} s = {perSecond[^1],6:F0} posts/s"));
            }

            rates.Add((parallelism, Stats.Of(perSecond), requests / (double)(rounds * count)));
        }

        var measured = rates.Count * rounds * count;
        output.WriteLine();
        output.WriteLine("Storage requests per post, by kind (all measured rounds):");
        foreach (var (kind, total) in byKind.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value))
        {
            output.WriteLine(Invariant($"  {kind,-22} {total / (double)measured:F2}"));
        }

        var renderOnly = RenderOnly(PostCorpus.Generate(count, PostCorpus.Seed + 2), PostCorpus.Generate(count));
        output.WriteLine();
        output.WriteLine("| Parallelism | Posts/s (median) | Posts/s (best) | ms per post (median) | Storage requests per post |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var (parallelism, stats, requestsPerPost) in rates)
        {
            output.WriteLine(Invariant($"| {parallelism} | {stats.Median:F0} | {stats.Max:F0} | {1000 / stats.Median:F1} | {requestsPerPost:F1} |"));
        }

        output.WriteLine(Invariant($"| render only (first render), 1 thread, no I/O | {renderOnly:F0} | | {1000 / renderOnly:F2} | 0 |"));
        return 0;
    }

    private static async Task UploadAsync(ISourceStore sources, IReadOnlyList<CorpusPost> posts) =>
        await Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (post, ct) =>
        {
            using var content = new MemoryStream(post.Bytes, writable: false);
            await sources.UploadAsync(post.Name, content, "text/markdown; charset=utf-8", ct);
        });

    private static async Task<TimeSpan> PublishAsync(ContentSync sync, IReadOnlyList<CorpusPost> posts, int parallelism)
    {
        var clock = Stopwatch.StartNew();
        var results = await Reindexer.RunAsync(posts.Select(post => post.Name).ToList(), sync.SyncAsync, parallelism, progress: null, CancellationToken.None);
        var elapsed = clock.Elapsed;
        var notAdded = results.Where(result => result.Outcome != SyncOutcome.Added).ToList();
        if (notAdded.Count > 0)
        {
            throw new InvalidOperationException($"{notAdded.Count} post(s) were not added, first: {notAdded[0]}");
        }

        return elapsed;
    }

    /// <summary>
    /// Posts per second of the render step alone, for comparison with the storage-bound figures: a renderer
    /// warmed up on other posts, then timed on posts it has not rendered.
    /// </summary>
    private static double RenderOnly(IReadOnlyList<CorpusPost> warmup, IReadOnlyList<CorpusPost> posts)
    {
        var renderer = Rendering.Renderers.Post();
        foreach (var post in warmup)
        {
            renderer.Render(post.Name, post.Bytes);
        }

        var clock = Stopwatch.StartNew();
        foreach (var post in posts)
        {
            renderer.Render(post.Name, post.Bytes);
        }

        return posts.Count / clock.Elapsed.TotalSeconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
