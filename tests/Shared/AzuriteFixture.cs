using Xunit;

namespace HealthFunctions.Testing;

/// <summary>
/// A real Azurite for the whole test run: the one named by <c>AZURITE_CONNECTION_STRING</c>, or
/// one started from the repository's own npm dependency on free loopback ports, in memory, and
/// stopped when the run ends (see <see cref="AzuriteProcess"/>). A test project shares one per run
/// with <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async ValueTask InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
