using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>The built app as its own process, started the way the Functions host or an operator starts it.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    /// <summary>The setting that makes the app say where it listens, whatever level the test asks for otherwise.</summary>
    public const string ListeningLogLevel = "Logging__LogLevel__Microsoft.Hosting.Lifetime";

    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) =>
        {
            Append(_output, line.Data);
            if (line.Data is not null && ListeningLine().Match(line.Data) is { Success: true } listening)
            {
                _listening.TrySetResult(new Uri(listening.Groups[1].Value));
            }
        };
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
    public static AppProcess StartExecutable(string? assembly, IReadOnlyDictionary<string, string?> settings, string workingDirectory, params string[] arguments) =>
        StartCommand("dotnet", [assembly ?? Path.Combine(AppContext.BaseDirectory, "WeChatFunctions.dll"), .. arguments], settings, workingDirectory);

    /// <summary>Any command that runs the app, such as a container engine's; the settings become its environment.</summary>
    public static AppProcess StartCommand(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> settings, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The line that says where the app listens, whatever level the test asks for otherwise.
        startInfo.Environment[ListeningLogLevel] = "Information";
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

    /// <summary>Waits for the app to stop over its settings, as it should, and gives the one line it wrote about them.</summary>
    /// <exception cref="InvalidOperationException">It exited otherwise, or wrote more or less than that line.</exception>
    public async Task<string> ConfigurationErrorAsync(TimeSpan timeout)
    {
        var exitCode = await WaitForExitAsync(timeout);
        return exitCode == 1 && Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries) is [var line] && line.StartsWith("Configuration error:", StringComparison.Ordinal)
            ? line
            : throw new InvalidOperationException($"The app exited with {exitCode} and wrote: {Errors}");
    }

    /// <summary>
    /// Waits for the address the app reports it listens on: start it with <c>--urls http://127.0.0.1:0</c> and the
    /// system picks a free port as the app binds it, so no other process can take it in between.
    /// </summary>
    public async Task<HttpClient> WaitUntilListeningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited).WaitAsync(timeout);
        if (first == exited)
        {
            throw new InvalidOperationException($"The app exited with {_process.ExitCode} before it listened: {Errors}");
        }

        return new HttpClient { BaseAddress = await _listening.Task };
    }

    /// <summary>An address that lets the system pick the port; see <see cref="WaitUntilListeningAsync(TimeSpan)"/>.</summary>
    public static readonly string[] AnyLoopbackPort = ["--urls", "http://127.0.0.1:0"];

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

    [GeneratedRegex(@"Now listening on: (\S+)")]
    private static partial Regex ListeningLine();
}
