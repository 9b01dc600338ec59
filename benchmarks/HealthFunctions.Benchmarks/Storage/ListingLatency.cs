using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>
/// <c>listing</c> mode: the latency of serving the first page (limit 10) of
/// <see cref="PostQueries.ListAsync"/> from an index of 10 posts and from one of 10,000, against
/// Azurite. Each index gets every listing row a post has (all posts, each tag, the author), written
/// straight through <see cref="IPostIndexWriter.UpsertListingAsync"/> in batches. The sizes are measured
/// interleaved, one call each in turn, so a noisy neighbour slows them alike. Requests and response
/// bytes per call are counted, and two probes put the figures in context: a query that matches no
/// row (what the emulator spends just scanning the table) and reading the whole listing.
/// </summary>
internal static class ListingLatency
{
    private const int PageSize = 10;

    public static async Task<int> RunAsync(Arguments arguments, TextWriter output)
    {
        var sizes = arguments.Ints("sizes", [10, 10_000]).Order().ToList();
        var iterations = arguments.Int("iterations", 300);
        var warmup = arguments.Int("warmup", 30);
        arguments.RejectUnknown();

        await using var azurite = await AzuriteProcess.StartAsync();
        output.WriteLine(Invariant($"listing: first page of {PageSize}, {iterations} calls per index size, {azurite.Description}, {Environment.ProcessorCount} cores"));
        var hosts = new List<(int Size, StorageHost Host)>();
        try
        {
            foreach (var size in sizes)
            {
                var host = new StorageHost(azurite.ConnectionString, "list");
                hosts.Add((size, host));
                var clock = Stopwatch.StartNew();
                var rows = await SeedAsync(host.Get<IPostIndex>(), size);
                output.WriteLine(Invariant($"  seeded {size,6:N0} posts ({rows:N0} listing rows) in {clock.Elapsed.TotalSeconds:F1} s"));
            }

            Probe[] probes =
            [
                new("first page (ListAsync, limit 10)", iterations, async (host, size) =>
                {
                    var page = await host.Get<PostQueries>().ListAsync(null, null, null, PageSize, CancellationToken.None);
                    Check(page, size);
                }),
                new("query matching no row (emulator scan floor)", iterations, async (host, _) =>
                {
                    var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"no-such-partition"}");
                    await foreach (var page in host.IndexTable.QueryAsync<TableEntity>(filter, maxPerPage: PageSize + 1).AsPages())
                    {
                        if (page.Values.Count > 0)
                        {
                            throw new InvalidOperationException("a query for a partition that does not exist returned rows.");
                        }

                        break;
                    }
                }),
                new("whole listing (AllAsync)", Math.Max(5, iterations / 20), async (host, size) =>
                {
                    var count = 0;
                    await foreach (var entry in host.Get<PostQueries>().AllAsync(CancellationToken.None))
                    {
                        count++;
                    }

                    if (count != size - (size / 100))
                    {
                        throw new InvalidOperationException($"the whole listing of {size} posts held {count} public posts.");
                    }
                }),
            ];

            output.WriteLine();
            output.WriteLine("| Call | Posts in index | Mean ms | Median ms | p95 ms | Requests per call | Response KB per call |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            var means = new Dictionary<(string, int), Stats>();
            foreach (var probe in probes)
            {
                var results = await MeasureAsync(probe, hosts, warmup);
                foreach (var (size, result) in results)
                {
                    means[(probe.Name, size)] = result.Stats;
                    output.WriteLine(Invariant(
                        $"| {probe.Name} | {size:N0} | {result.Stats.Mean:F2} | {result.Stats.Median:F2} | {result.Stats.P95:F2} | {result.Requests:F1} | {result.ResponseBytes / 1024:F1} |"));
                }
            }

            var first = probes[0].Name;
            var (small, large) = (sizes[0], sizes[^1]);
            output.WriteLine();
            output.WriteLine(Invariant(
                $"first page, {large:N0} / {small:N0} posts: mean {means[(first, large)].Mean / means[(first, small)].Mean:F2}x, median {means[(first, large)].Median / means[(first, small)].Median:F2}x"));
        }
        finally
        {
            foreach (var (_, host) in hosts)
            {
                await host.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task<List<(int Size, (Stats Stats, double Requests, double ResponseBytes) Result)>> MeasureAsync(
        Probe probe,
        List<(int Size, StorageHost Host)> hosts,
        int warmup)
    {
        var timings = hosts.ToDictionary(h => h.Size, _ => new List<double>(probe.Iterations));
        var requests = hosts.ToDictionary(h => h.Size, _ => 0L);
        var bytes = hosts.ToDictionary(h => h.Size, _ => 0L);
        var warmupCalls = Math.Min(warmup, probe.Iterations);
        for (var i = 0; i < warmupCalls + probe.Iterations; i++)
        {
            foreach (var (size, host) in hosts)
            {
                var (requestsBefore, bytesBefore) = (host.Requests.Requests, host.Requests.ResponseBytes);
                var clock = Stopwatch.StartNew();
                await probe.Call(host, size);
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (i >= warmupCalls)
                {
                    timings[size].Add(elapsed);
                    requests[size] += host.Requests.Requests - requestsBefore;
                    bytes[size] += host.Requests.ResponseBytes - bytesBefore;
                }
            }
        }

        return hosts
            .Select(h => (h.Size, (Stats.Of(timings[h.Size]), requests[h.Size] / (double)probe.Iterations, bytes[h.Size] / (double)probe.Iterations)))
            .ToList();
    }

    /// <summary>Writes the listing rows of <paramref name="posts"/> posts published over the last years (one in a hundred scheduled for later).</summary>
    private static async Task<int> SeedAsync(IPostIndex index, int posts)
    {
        var random = new Random(posts);
        var now = DateTimeOffset.UtcNow;
        string[] tags = ["sleep", "heart-health", "nutrition", "diabetes", "mental-health", "fitness", "allergies", "children", "ageing", "prevention"];
        string[] authors = ["amina-yusuf", "jonas-becker", "priya-raman", "chen-wei", "sara-lindqvist"];
        var entries = new List<ListingEntry>();
        for (var i = 0; i < posts; i++)
        {
            var published = i % 100 == 99 ? now.AddDays(random.Next(1, 60)) : now.AddMinutes(-random.Next(60, 8 * 365 * 24 * 60));
            var slug = Slugs.From(Invariant($"post {i} about {tags[i % tags.Length]}"));
            var postTags = tags.Where(_ => random.NextDouble() < 0.25).ToList();
            var author = authors[random.Next(authors.Length)];
            foreach (var key in ListingKeys.For(published, slug, postTags, author))
            {
                entries.Add(new ListingEntry
                {
                    Key = key,
                    Slug = slug,
                    Title = Invariant($"Post {i}: a practical guide to {tags[i % tags.Length]}"),
                    Published = published,
                    Excerpt = "Plain words for the reader about what the evidence says, cut at a word boundary so listings stay short and tidy\u2026",
                    WordCount = random.Next(300, 1500),
                    ReadingMinutes = random.Next(2, 8),
                    Tags = postTags,
                    Author = author,
                });
            }
        }

        // UpsertListingAsync writes up to 100 rows of one partition per transaction; a few such calls run at once.
        await Parallel.ForEachAsync(
            entries.Chunk(500),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (chunk, ct) => await index.UpsertListingAsync(chunk, ct));
        return entries.Count;
    }

    private static void Check(ListingPage page, int size)
    {
        var published = size - (size / 100);
        if (page.Items.Count != Math.Min(PageSize, published) || (page.ContinueAfter is not null) != (published > PageSize))
        {
            throw new InvalidOperationException($"the index of {size} posts returned {page.Items.Count} posts (more: {page.ContinueAfter is not null}).");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Probe(string Name, int Iterations, Func<StorageHost, int, Task> Call);
}
