using System.Diagnostics;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>A real Azurite (Table and Blob services) from node_modules, in memory, on free ports, for one test fixture.</summary>
public sealed class AzuriteServer : IAsyncDisposable
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

    /// <summary>How often to try fresh ports when another process took a free port between picking it and Azurite binding it.</summary>
    private const int PortAttempts = 5;

    /// <param name="debugLog">A file for Azurite's debug log, which has a line per request; for counting storage calls.</param>
    public static async Task<AzuriteServer> StartAsync(string? debugLog = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync(debugLog);
            }
            catch (InvalidOperationException taken) when (taken.Message.Contains("EADDRINUSE", StringComparison.Ordinal) && attempt < PortAttempts)
            {
                // Fixtures start in parallel: try again on other ports.
            }
        }
    }

    private static async Task<AzuriteServer> StartOnFreePortsAsync(string? debugLog)
    {
        var entryPoint = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entryPoint))
        {
            throw new InvalidOperationException($"Azurite is not installed at {entryPoint}; run `npm ci` in the repository root.");
        }

        var (tablePort, blobPort, queuePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var startInfo = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                entryPoint, "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
                "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort),
                "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
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
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var servicesUp = 0;
        process.OutputDataReceived += (_, line) =>
        {
            // One line per service: Blob, Queue, Table.
            if (line.Data?.Contains("successfully", StringComparison.Ordinal) == true && Interlocked.Increment(ref servicesUp) == 3)
            {
                started.TrySetResult();
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

        var server = new AzuriteServer(process, tablePort, blobPort);
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
