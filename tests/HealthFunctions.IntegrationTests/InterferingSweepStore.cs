using Azure.Data.Tables;
using HealthFunctions.Site.Writing;
using HealthFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The real sweep store, which can be told to rewrite the recorded state (a new ETag, as a batch moving
/// the cursor makes) at the moment a starting sweep saves its list of keys, before it records itself.
/// </summary>
public sealed class InterferingSweepStore(ISweepStore inner) : ISweepStore
{
    /// <summary>When true, the next <see cref="SaveKeysAsync"/> first rewrites the state as it is.</summary>
    public bool RewriteOnNextSave { get; set; }

    /// <summary>Registers the store as the app's sweep store; <paramref name="store"/> receives it once built.</summary>
    public static Action<IServiceCollection> Install(Action<InterferingSweepStore> store) => services => services.AddSingleton<ISweepStore>(sp =>
    {
        var interfering = new InterferingSweepStore(ActivatorUtilities.CreateInstance<TableSweepStore>(sp, sp.GetRequiredService<TableServiceClient>()));
        store(interfering);
        return interfering;
    });

    public Task<SweepState?> GetAsync(CancellationToken cancellationToken) => inner.GetAsync(cancellationToken);

    public Task<bool> TrySetAsync(SweepState next, SweepState? expected, CancellationToken cancellationToken) => inner.TrySetAsync(next, expected, cancellationToken);

    public async Task<SweepKeys> SaveKeysAsync(DateTimeOffset started, IReadOnlyList<string> keys, int perChunk, CancellationToken cancellationToken)
    {
        if (RewriteOnNextSave && await inner.GetAsync(cancellationToken) is { } state)
        {
            RewriteOnNextSave = false;
            Assert.True(await inner.TrySetAsync(state, state, cancellationToken));
        }

        return await inner.SaveKeysAsync(started, keys, perChunk, cancellationToken);
    }

    public Task<IReadOnlyList<string>?> GetChunkAsync(string name, int chunk, CancellationToken cancellationToken) => inner.GetChunkAsync(name, chunk, cancellationToken);

    public Task DeleteKeysAsync(string name, CancellationToken cancellationToken) => inner.DeleteKeysAsync(name, cancellationToken);

    public Task DeleteKeysBeforeAsync(DateTimeOffset before, string keep, CancellationToken cancellationToken) => inner.DeleteKeysBeforeAsync(before, keep, cancellationToken);
}
