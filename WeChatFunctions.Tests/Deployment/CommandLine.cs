using System.Diagnostics;

namespace WeChatFunctions.Tests.Deployment;

/// <summary>Runs a tool to its end and keeps what it printed.</summary>
internal static class CommandLine
{
    public static Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments) =>
        RunAsync(fileName, arguments, new Dictionary<string, string>());

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await errors));
    }

    public static async Task<string> OutputOfAsync(string fileName, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(fileName, arguments);
        return exitCode == 0 ? output : throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` exited with {exitCode}: {output}");
    }

    /// <summary>The full path of <paramref name="name"/> on the PATH, or <see langword="null"/>.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
