using System.Diagnostics;
using System.Text;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>The built app as its own process, started the way the Functions host or an operator starts it.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_errors, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="settings">Environment variables, as the Functions host passes app settings.</param>
    public static AppProcess Start(IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments) =>
        StartExecutable(null, settings, workingDirectory, arguments);

    /// <param name="assembly">A published WeChatFunctions.dll, such as a ReadyToRun one; <see langword="null"/> for the build under test.</param>
    public static AppProcess StartExecutable(string? assembly, IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assembly ?? Path.Combine(AppContext.BaseDirectory, "WeChatFunctions.dll"));

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in settings)
        {
            startInfo.Environment[name] = value;
        }

        return new AppProcess(Process.Start(startInfo) ?? throw new InvalidOperationException("The app could not be started."));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Asks until the server answers at all; any status will do.</summary>
    public async Task<HttpClient> WaitUntilListeningAsync(Uri baseAddress, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
                return client;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(10);
            }
        }
    }

    /// <summary>Stops the process; its output stays readable.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
