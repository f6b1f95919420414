using System.Diagnostics;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>A real Azurite Table service from node_modules, in memory, on a free port, for one test fixture.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteServer(Process process, int port)
    {
        _process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <param name="debugLog">A file for Azurite's debug log, which has a line per request; for counting storage calls.</param>
    public static async Task<AzuriteServer> StartAsync(string? debugLog = null)
    {
        var entryPoint = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(entryPoint))
        {
            throw new InvalidOperationException($"Azurite is not installed at {entryPoint}; run `npm ci` in the repository root.");
        }

        var port = FreePort.Next();
        var startInfo = new ProcessStartInfo("node")
        {
            ArgumentList = { entryPoint, "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableTelemetry", "--silent" },
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
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("successfully", StringComparison.Ordinal) == true)
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

        var server = new AzuriteServer(process, port);
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
