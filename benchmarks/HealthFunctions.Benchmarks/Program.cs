using BenchmarkDotNet.Running;
using HealthFunctions.Benchmarks;
using HealthFunctions.Benchmarks.Corpus;
using HealthFunctions.Benchmarks.Rendering;
using HealthFunctions.Benchmarks.Storage;

// Modes (see benchmarks/README.md):
//   (none) | render [BenchmarkDotNet options]  render benchmarks: raw Markdig vs PostRenderer vs sanitiser
//   publish [--posts 200] [--parallelism 8] [--rounds 3] [--warmup 50]   posts/s into Azurite
//   listing [--sizes 10,10000] [--iterations 300] [--warmup 30]          first-page latency by index size
//   site [--uploads 20] [--coalesce 2] [--posts 300] [--parallelism 8]  upload-to-page latency, writes per publish, site rebuild
//   search [--sizes 1000,10000] [--queries 500] [--publishes 200]        search latency, publish cost, cold start
//   corpus [--count 300] [--out folder]                                  describe (or write) the generated corpus
var mode = args.FirstOrDefault();
try
{
    return mode switch
    {
        "publish" => await PublishThroughput.RunAsync(new Arguments(args[1..]), Console.Out),
        "listing" => await ListingLatency.RunAsync(new Arguments(args[1..]), Console.Out),
        "site" => await SiteBenchmark.RunAsync(new Arguments(args[1..]), Console.Out),
        "search" => await SearchLatency.RunAsync(new Arguments(args[1..]), Console.Out),
        "corpus" => CorpusReport.Run(new Arguments(args[1..]), Console.Out),
        "render" => RunRenderBenchmarks(args[1..]),
        _ => RunRenderBenchmarks(args),
    };
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 2;
}

static int RunRenderBenchmarks(string[] args)
{
    var summary = BenchmarkRunner.Run<RenderBenchmarks>(args: args);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success) ? 1 : 0;
}
