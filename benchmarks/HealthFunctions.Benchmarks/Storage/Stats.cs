namespace HealthFunctions.Benchmarks.Storage;

/// <summary>Summary statistics of a set of timings.</summary>
internal sealed record Stats(double Mean, double Median, double P95, double Min, double Max, int Count)
{
    public static Stats Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Stats(sorted.Average(), Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0], sorted[^1], sorted.Length);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
