using HealthFunctions.Publishing.Index;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.IntegrationTests;

/// <summary>The real source index, counting how often every status row is read (one scan of the index's sources).</summary>
public sealed class CountingSourceIndex(ISourceRecordIndex inner) : ISourceRecordIndex
{
    private int _scans;

    /// <summary>How many times <see cref="ListSourcesAsync"/> has been called.</summary>
    public int Scans => Volatile.Read(ref _scans);

    /// <summary>Registers the counter as the app's source index; <paramref name="counter"/> receives it once built.</summary>
    public static Action<IServiceCollection> Install(Action<CountingSourceIndex> counter) => services => services.AddSingleton<ISourceRecordIndex>(sp =>
    {
        var counting = new CountingSourceIndex(sp.GetRequiredService<IPostIndex>());
        counter(counting);
        return counting;
    });

    public Task<SourceRecord?> GetSourceAsync(string blobName, CancellationToken cancellationToken) => inner.GetSourceAsync(blobName, cancellationToken);

    public Task<bool> TrySaveSourceAsync(SourceRecord record, CancellationToken cancellationToken) => inner.TrySaveSourceAsync(record, cancellationToken);

    public Task<bool> TryDeleteSourceAsync(SourceRecord record, CancellationToken cancellationToken) => inner.TryDeleteSourceAsync(record, cancellationToken);

    public IAsyncEnumerable<SourceRecord> ListSourcesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _scans);
        return inner.ListSourcesAsync(cancellationToken);
    }
}
