using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using HealthFunctions.Benchmarks.Corpus;

namespace HealthFunctions.Benchmarks.Rendering;

/// <summary>
/// A short job (3 warm-up and 10 measured iterations, each handling the corpus eight times) so a
/// run takes a few minutes; the ratio to the baseline and the median; and the source throughput column. Reports go to benchmarks/BenchmarkDotNet.Artifacts (git-ignored).
/// </summary>
public sealed class RenderConfig : ManualConfig
{
    public RenderConfig()
    {
        // Each invocation handles the whole corpus (15 ms for the front matter alone, 35 ms for raw
        // Markdig on this machine), so eight per iteration keep every iteration above 100 ms.
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithInvocationCount(8).WithUnrollFactor(1).WithId("Short"));
        AddColumn(new SourceThroughputColumn(PostCorpus.Generate(RenderBenchmarks.PostCount).Average(post => (double)post.Bytes.Length)));
        AddColumn(StatisticColumn.Median);
        ArtifactsPath = Path.Combine(RepositoryRoot.Find(), "benchmarks", "BenchmarkDotNet.Artifacts");
    }
}
