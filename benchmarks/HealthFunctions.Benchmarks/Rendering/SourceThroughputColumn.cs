using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace HealthFunctions.Benchmarks.Rendering;

/// <summary>Megabytes (10^6 bytes) of Markdown source handled per second: the mean source size over the mean time per post.</summary>
public sealed class SourceThroughputColumn : IColumn
{
    private readonly double _bytesPerPost;

    public SourceThroughputColumn(double bytesPerPost)
    {
        _bytesPerPost = bytesPerPost;
    }

    public string Id => nameof(SourceThroughputColumn);

    public string ColumnName => "Source MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => string.Create(CultureInfo.InvariantCulture, $"Markdown source throughput: {_bytesPerPost:N0} bytes per post on average, divided by the mean time per post");

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNanoseconds is > 0
            ? (_bytesPerPost / meanNanoseconds.Value * 1e3).ToString("N1", CultureInfo.InvariantCulture)
            : "NA";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
