namespace HealthFunctions.Site.Writing;

/// <summary>
/// The site sweep in progress: when it began (its page messages carry that time), the "Latest Posts"
/// it began with, and the last page key a batch of it has sent (null before the first batch).
/// </summary>
public sealed record SweepState(DateTimeOffset Started, string Latest, string? After, string ETag = "");

/// <summary>Where the one site sweep at a time is recorded, with optimistic concurrency (the index table in Azure).</summary>
public interface ISweepStore
{
    Task<SweepState?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Records <paramref name="next"/> only if the state is still <paramref name="expected"/> (null: only if there is none). False when another handler changed it first.</summary>
    Task<bool> TrySetAsync(SweepState next, SweepState? expected, CancellationToken cancellationToken);
}
