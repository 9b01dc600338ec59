using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HealthFunctions.Testing;

/// <summary>
/// The storage the Azurite modes run against: the one named by <c>AZURITE_CONNECTION_STRING</c>,
/// or an in-memory Azurite started here from the repository's own npm dependency on free loopback
/// ports (as the integration tests do) and stopped on dispose. <see cref="StartPersistentAsync"/>
/// starts one that keeps its data in a folder, so it can be stopped and started again on the same ports.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's documented, public development account key (not a secret).
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>How many times a start on free ports is tried again after Azurite quit at once (another process took a port between choosing and binding it).</summary>
    private const int StartAttempts = 3;

    private readonly Process? _process;
    private readonly List<string> _errors = [];

    private AzuriteProcess(Process? process, string connectionString, int[] ports)
    {
        _process = process;
        ConnectionString = connectionString;
        Ports = ports;
    }

    public string ConnectionString { get; }

    /// <summary>Blob, queue and table ports (empty for an Azurite this class did not start).</summary>
    public int[] Ports { get; }

    public string Description { get; private init; } = "Azurite from AZURITE_CONNECTION_STRING";

    public static async Task<AzuriteProcess> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new AzuriteProcess(null, given, []);
        }

        return await LaunchOnFreePortsAsync(["--inMemoryPersistence"]);
    }

    /// <summary>An Azurite of this test's own that stores its data under <paramref name="location"/>, on <paramref name="ports"/> (or free ones).</summary>
    public static Task<AzuriteProcess> StartPersistentAsync(string location, int[]? ports = null) =>
        ports is null ? LaunchOnFreePortsAsync(["--location", location]) : LaunchAsync(["--location", location], ports);

    private static async Task<AzuriteProcess> LaunchOnFreePortsAsync(string[] persistence)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LaunchAsync(persistence, [FreePort(), FreePort(), FreePort()]);
            }
            catch (AzuriteExitedException) when (attempt < StartAttempts)
            {
                // Chosen ports can be taken by another process before Azurite binds them: choose again.
            }
        }
    }

    private static async Task<AzuriteProcess> LaunchAsync(string[] persistence, int[] ports)
    {
        var azurite = Path.Combine(RepositoryRoot.Find(), "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in the repository root (looked for {azurite}).");
        }

        int blob = ports[0], queue = ports[1], table = ports[2];
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", Text(blob),
                "--queueHost", "127.0.0.1", "--queuePort", Text(queue),
                "--tableHost", "127.0.0.1", "--tablePort", Text(table),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in persistence)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var started = new AzuriteProcess(
            process,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{Text(blob)}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{Text(queue)}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{Text(table)}/devstoreaccount1;",
            ports)
        {
            Description = persistence.Contains("--inMemoryPersistence") ? "Azurite (in memory) from node_modules" : "Azurite (persistent) from node_modules",
        };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => started.Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.WaitForPortsAsync([blob, queue, table], TimeSpan.FromSeconds(60));
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    /// <summary>
    /// Stops Azurite the way Ctrl+C would (SIGTERM), so a persistent one writes its data out before it
    /// exits; killed outright, it can lose what it was told in its last seconds.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false })
        {
            return;
        }

        if (OperatingSystem.IsWindows() || SendSignal(_process.Id, Sigterm) != 0)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private async Task WaitForPortsAsync(int[] ports, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (_process!.HasExited)
                {
                    _process.WaitForExit();
                    string errors;
                    lock (_errors)
                    {
                        errors = string.Join(Environment.NewLine, _errors);
                    }

                    throw new AzuriteExitedException($"Azurite exited with code {_process.ExitCode} before it listened on ports {string.Join(", ", ports)}. Its error output: {errors}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }

    private const int Sigterm = 15;

    private void Remember(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            lock (_errors)
            {
                _errors.Add(line);
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Azurite quit before it listened; the message carries what it wrote to stderr.</summary>
internal sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
