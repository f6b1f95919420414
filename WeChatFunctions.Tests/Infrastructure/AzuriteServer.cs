using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// A real Azurite (Table and Blob services) from node_modules, in memory, for one test fixture. It binds ports the
/// system picks, and says which in its start-up lines, so parallel fixtures never race for a port.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteServer(Process process, int tablePort, int blobPort)
    {
        _process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <param name="debugLog">A file for Azurite's debug log, which has a line per request; for counting storage calls.</param>
    public static async Task<AzuriteServer> StartAsync(string? debugLog = null)
    {
        var entryPoint = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entryPoint))
        {
            throw new InvalidOperationException($"Azurite is not installed at {entryPoint}; run `npm ci` in the repository root.");
        }

        var startInfo = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                entryPoint, "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                "--tableHost", "127.0.0.1", "--tablePort", "0",
                "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--queueHost", "127.0.0.1", "--queuePort", "0",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (debugLog is not null)
        {
            startInfo.ArgumentList.Add("--debug");
            startInfo.ArgumentList.Add(debugLog);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node could not be started.");
        var started = new TaskCompletionSource<(int Table, int Blob)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        process.OutputDataReceived += (_, line) =>
        {
            // One line per service: "Azurite Table service is successfully listening at http://127.0.0.1:37693".
            if (line.Data is null || ListeningLine().Match(line.Data) is not { Success: true } listening)
            {
                return;
            }

            lock (ports)
            {
                ports[listening.Groups["service"].Value] = int.Parse(listening.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                {
                    started.TrySetResult((ports["Table"], ports["Blob"]));
                }
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (!string.IsNullOrEmpty(line.Data))
            {
                started.TrySetException(new InvalidOperationException($"Azurite failed to start: {line.Data}"));
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var (tablePort, blobPort) = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new AzuriteServer(process, tablePort, blobPort);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            throw;
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
