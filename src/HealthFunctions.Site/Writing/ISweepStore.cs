namespace HealthFunctions.Site.Writing;

/// <summary>
/// The site sweep in progress: when it began (its page messages carry that time), the "Latest Posts"
/// it began with, the name of its list of page keys (<see cref="ISweepStore.SaveKeysAsync"/>), how
/// many chunks that list has, and the number of the next chunk to send (<see cref="Chunks"/> once
/// every batch has run). <see cref="Chunks"/> is 0 only for a state recorded before sweeps kept a
/// list (a cursor of page keys), which no batch can go on with.
/// </summary>
public sealed record SweepState(DateTimeOffset Started, string Latest, string Keys, int Chunks, int Next, string ETag = "");

/// <summary>A sweep's list of page keys as saved: its name and how many chunks it was cut into.</summary>
public sealed record SweepKeys(string Name, int Chunks);

/// <summary>Where the one site sweep at a time is recorded, with optimistic concurrency, and the lists of page keys sweeps walk (the index table in Azure).</summary>
public interface ISweepStore
{
    Task<SweepState?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Records <paramref name="next"/> only if the state is still <paramref name="expected"/> (null: only if there is none). False when another handler changed it first.</summary>
    Task<bool> TrySetAsync(SweepState next, SweepState? expected, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="keys"/> in order, under a name no other call gets, as chunks of at most
    /// <paramref name="perChunk"/> keys (fewer when the store's size limit of one chunk comes first).
    /// </summary>
    Task<SweepKeys> SaveKeysAsync(DateTimeOffset started, IReadOnlyList<string> keys, int perChunk, CancellationToken cancellationToken);

    /// <summary>One chunk of a saved list, by one point read; null when the list has been deleted.</summary>
    Task<IReadOnlyList<string>?> GetChunkAsync(string name, int chunk, CancellationToken cancellationToken);

    /// <summary>Deletes a saved list (safe to repeat, and to run while another call deletes it).</summary>
    Task DeleteKeysAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes every list saved for a sweep that began before <paramref name="before"/>, but <paramref name="keep"/>.</summary>
    Task DeleteKeysBeforeAsync(DateTimeOffset before, string keep, CancellationToken cancellationToken);
}
