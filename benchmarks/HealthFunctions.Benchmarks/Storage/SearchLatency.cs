using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Benchmarks.Rendering;
using HealthFunctions.Search;
using HealthFunctions.Search.Lucene;
using HealthFunctions.Search.Sync;
using HealthFunctions.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>
/// <c>search</c> mode: the embedded search index at each corpus size. Search latency (one query
/// of one or two topic words, or a two-word phrase, first page of 10 with snippets) from the
/// in-memory Lucene index; the added cost per publish of keeping search in step (the search
/// document and change-log writes of <see cref="TableSearchDocumentStore"/> against Azurite); and a
/// new instance's cold start (<see cref="LocalSearch"/> loading every document from Azurite).
/// </summary>
internal static class SearchLatency
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output)
    {
        var sizes = arguments.Ints("sizes", [1_000, 10_000]).Order().ToList();
        var queries = arguments.Int("queries", 500);
        var publishes = arguments.Int("publishes", 200);
        arguments.RejectUnknown();

        await using var azurite = await AzuriteProcess.StartAsync();
        output.WriteLine(Invariant($"search: {queries} queries per size, {publishes} publishes, {azurite.Description}, {Environment.ProcessorCount} cores"));
        var renderer = Renderers.Post();
        var documents = PostCorpus.Generate(sizes[^1]).Select(p => SearchDocuments.From(renderer.Render(p.Name, p.Markdown))).ToList();
        var words = documents.SelectMany(d => d.Title.Split(' ')).Where(w => w.Length > 4).Distinct().Take(200).ToArray();

        output.WriteLine();
        output.WriteLine("| Posts | Median ms | p99 ms | Mean hits on page | Cold start from Azurite s |");
        output.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            using var index = new LuceneSearchIndex();
            index.Load(documents.Take(size));
            var random = new Random(size);
            var times = new List<double>();
            var hits = 0;
            for (var i = 0; i < queries + 20; i++)
            {
                var text = (i % 3) switch
                {
                    0 => words[random.Next(words.Length)],
                    1 => words[random.Next(words.Length)] + " " + words[random.Next(words.Length)],
                    _ => $"\"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}\"",
                };
                SearchQuery.TryParse(text, out var query, out _);
                var clock = Stopwatch.StartNew();
                var page = await index.SearchAsync(query, DateTimeOffset.UtcNow, 0, 10, CancellationToken.None);
                if (i >= 20)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    hits += page?.Items.Count ?? 0;
                }
            }

            var cold = await ColdStartAsync(azurite.ConnectionString, documents.Take(size).ToList());
            var sorted = times.Order().ToArray();
            output.WriteLine(Invariant($"| {size:N0} | {sorted[sorted.Length / 2]:F2} | {sorted[(int)(sorted.Length * 0.99)]:F2} | {(double)hits / queries:F1} | {cold:F1} |"));
        }

        var perPublish = await PublishCostAsync(azurite.ConnectionString, documents.Take(publishes).ToList());
        output.WriteLine();
        output.WriteLine(Invariant($"added cost per publish (search document + change log, Azurite): median {perPublish.Median:F1} ms, mean {perPublish.Mean:F1} ms, p95 {perPublish.P95:F1} ms over {perPublish.Count}"));
        return 0;
    }

    private static async Task<double> ColdStartAsync(string connectionString, List<SearchDocument> documents)
    {
        var (store, table) = Store(connectionString);
        try
        {
            var readAt = DateTimeOffset.UtcNow;
            await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (d, ct) => await store.SaveAsync(d, readAt, ct));
            using var search = new LocalSearch(store, TimeProvider.System, Options.Create(new SearchOptions()), NullLogger<LocalSearch>.Instance);
            var clock = Stopwatch.StartNew();
            await search.GetAsync(CancellationToken.None);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    private static async Task<Stats> PublishCostAsync(string connectionString, List<SearchDocument> documents)
    {
        var (store, table) = Store(connectionString);
        try
        {
            var times = new List<double>();
            foreach (var document in documents)
            {
                var clock = Stopwatch.StartNew();
                await store.SaveAsync(document, DateTimeOffset.UtcNow, CancellationToken.None);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return Stats.Of(times);
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    private static (TableSearchDocumentStore Store, TableClient Table) Store(string connectionString)
    {
        var name = "Search" + Guid.NewGuid().ToString("N")[..10];
        var service = new TableServiceClient(connectionString);
        return (new TableSearchDocumentStore(service, Options.Create(new SearchOptions { Table = name })), service.GetTableClient(name));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
