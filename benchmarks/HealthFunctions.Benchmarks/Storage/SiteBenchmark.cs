using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.LocalHost;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>
/// <c>site</c> mode: (1) upload → the post's page and the home page both show it, timed under the
/// LocalHost (its blob and queue stand-ins) on Azurite; (2) storage writes for publishing one post
/// into a site, in the trigger and in the queue; (3) a full site rebuild of the corpus, in pages per second.
/// </summary>
internal static class SiteBenchmark
{
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output)
    {
        var uploads = arguments.Int("uploads", 20);
        var coalesce = arguments.Text("coalesce") ?? "2";
        var count = arguments.Int("posts", 300);
        var parallelism = arguments.Int("parallelism", 8);
        arguments.RejectUnknown();

        await using var azurite = await AzuriteProcess.StartAsync();
        output.WriteLine(Invariant($"site: {azurite.Description}, {Environment.ProcessorCount} cores"));
        await LatencyAsync(azurite.ConnectionString, uploads, coalesce, output);
        await WritesPerPublishAsync(azurite.ConnectionString, output);
        await RebuildAsync(azurite.ConnectionString, count, parallelism, output);
        return 0;
    }

    private static async Task LatencyAsync(string connection, int uploads, string coalesce, TextWriter output)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var source = $"posts-{id}";
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["PostsStorage"] = connection,
            ["Publishing:SourceContainer"] = source,
            ["Publishing:HtmlContainer"] = $"html-{id}",
            ["Publishing:IndexTable"] = $"Site{id}",
            ["Publishing:MediaContainer"] = $"media-{id}",
            ["Site:WebContainer"] = $"web-{id}",
            ["Site:PageQueue"] = $"pages-{id}",
            ["Site:CoalesceSeconds"] = coalesce,
            ["LocalHost:BlobPollSeconds"] = "0.1",
            ["LocalHost:QueuePollSeconds"] = "0.1",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Azure"] = "Error",
        });
        await app.StartAsync();
        await app.Services.GetRequiredService<BlobTriggerPoller>().FirstPass;
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var container = new BlobServiceClient(connection).GetBlobContainerClient(source);
        var postTimes = new List<double>();
        var bothTimes = new List<double>();
        for (var i = -2; i < uploads; i++)
        {
            var slug = Invariant($"latency-{i + 2}");
            var date = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var markdown = $"---\ntitle: \"Latency {i + 2}\"\ndate: {date}\nslug: {slug}\ntags: [latency]\n---\n\nA post to time from upload to page.\n";
            await container.UploadBlobAsync(slug + ".md", BinaryData.FromString(markdown));
            var clock = Stopwatch.StartNew();
            double? post = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                post ??= (await http.GetAsync($"/{slug}/")).IsSuccessStatusCode ? clock.Elapsed.TotalSeconds : null;
                if (post is not null && (await http.GetStringAsync("/")).Contains($"href=\"/{slug}/\"", StringComparison.Ordinal))
                {
                    break;
                }

                await Task.Delay(20);
            }

            if (i >= 0)
            {
                postTimes.Add(post ?? double.NaN);
                bothTimes.Add(clock.Elapsed.TotalSeconds);
            }
        }

        await app.StopAsync();
        var postStats = Stats.Of(postTimes);
        var both = Stats.Of(bothTimes);
        output.WriteLine(Invariant($"upload → page, {uploads} uploads under the LocalHost (blob poll 0.1 s, queue poll 0.1 s, coalescing delay {coalesce} s):"));
        output.WriteLine(Invariant($"  post page shows it:              median {postStats.Median:F2} s, worst {postStats.Max:F2} s"));
        output.WriteLine(Invariant($"  post page and home page show it: median {both.Median:F2} s, worst {both.Max:F2} s"));
    }

    private static async Task WritesPerPublishAsync(string connection, TextWriter output)
    {
        await using var host = new StorageHost(connection, "writes", site: true);
        var sources = host.Get<ISourceStore>();
        var sync = host.Get<ContentSync>();
        foreach (var post in PostCorpus.Generate(20, PostCorpus.Seed, "w"))
        {
            await sources.UploadAsync(post.Name, new MemoryStream(post.Bytes), "text/markdown", CancellationToken.None);
            await sync.SyncAsync(post.Name, CancellationToken.None);
        }

        await DrainAsync(host);
        var one = PostCorpus.Generate(1, PostCorpus.Seed + 7, "one")[0];
        await sources.UploadAsync(one.Name, new MemoryStream(one.Bytes), "text/markdown", CancellationToken.None);
        var before = Writes(host);
        await sync.SyncAsync(one.Name, CancellationToken.None);
        var trigger = Writes(host);
        var messages = await DrainAsync(host);
        var after = Writes(host);
        output.WriteLine(Invariant($"storage writes to publish one post (tags: {one.Markdown.Split('\n').FirstOrDefault(l => l.StartsWith("tags:", StringComparison.Ordinal))}) into a 20-post site:"));
        output.WriteLine(Invariant($"  in the trigger run: {trigger - before} (index, HTML, post page, first versions of new list pages, queue messages); in the queue: {after - trigger} over {messages} messages"));
    }

    private static async Task RebuildAsync(string connection, int count, int parallelism, TextWriter output)
    {
        await using var host = new StorageHost(connection, "rebuild", site: true, notifySite: false);
        var sources = host.Get<ISourceStore>();
        var posts = PostCorpus.Generate(count);
        await Parallel.ForEachAsync(posts, async (post, ct) => await sources.UploadAsync(post.Name, new MemoryStream(post.Bytes), "text/markdown", ct));
        await Reindexer.RunAsync(posts.Select(p => p.Name).ToList(), host.Get<ContentSync>().SyncAsync, parallelism, null, CancellationToken.None);
        output.WriteLine(Invariant($"full site rebuild of the {count}-post corpus (every page rendered from the index and written), parallelism {parallelism}:"));
        foreach (var round in new[] { "into an empty site", "again, every page rewritten" })
        {
            var report = await host.Get<SiteRebuilder>().RebuildAsync(parallelism, CancellationToken.None);
            output.WriteLine(Invariant($"  {round}: {report.Pages} pages in {report.Elapsed.TotalSeconds:F1} s = {report.Pages / report.Elapsed.TotalSeconds:F0} pages/s ({report.Written} written)"));
        }
    }

    private static long Writes(StorageHost host) =>
        host.Requests.ByKind.Where(pair => pair.Key.StartsWith("PUT", StringComparison.Ordinal) || pair.Key.StartsWith("POST", StringComparison.Ordinal) || pair.Key.StartsWith("DELETE", StringComparison.Ordinal) || pair.Key.StartsWith("MERGE", StringComparison.Ordinal) || pair.Key.StartsWith("PATCH", StringComparison.Ordinal)).Sum(pair => pair.Value);

    private static async Task<int> DrainAsync(StorageHost host)
    {
        var queue = host.Get<QueueServiceClient>().GetQueueClient(host.PageQueue);
        await queue.CreateIfNotExistsAsync();
        var work = host.Get<PageWork>();
        var count = 0;
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                return count;
            }

            foreach (var message in batch)
            {
                await work.HandleAsync(message.Body.ToString(), CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                count++;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
