using System.Diagnostics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>Publishes the app, from this repository or from an earlier commit of it, to run it as its own process.</summary>
internal static class AppPublisher
{
    /// <returns>The published WeChatFunctions.dll, or <see langword="null"/> when publishing failed.</returns>
    public static async Task<string?> PublishAsync(string name, bool readyToRun = true, string? sourceRoot = null)
    {
        var output = Path.Combine(Path.GetTempPath(), "wechatfunctions-loadtest", name);
        var exitCode = await RunAsync("dotnet", [
            "publish", Path.Combine(sourceRoot ?? RepositoryRoot.Path, "WeChatFunctions"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            $"-p:PublishReadyToRun={readyToRun}", "-o", output, "-nologo", "-v", "quiet", "-p:NoWarn=NU1603"]);
        if (exitCode != 0)
        {
            Console.Error.WriteLine($"dotnet publish ({name}) failed.");
            return null;
        }

        return Path.Combine(output, "WeChatFunctions.dll");
    }

    /// <summary>Checks out <paramref name="revision"/> beside the repository and publishes it.</summary>
    public static async Task<string?> PublishRevisionAsync(string revision)
    {
        var checkout = Path.Combine(Path.GetTempPath(), "wechatfunctions-loadtest", "baseline-source");
        if (Directory.Exists(checkout))
        {
            await RunAsync("git", ["-C", RepositoryRoot.Path, "worktree", "remove", "--force", checkout]);
        }

        if (Directory.Exists(checkout))
        {
            Directory.Delete(checkout, recursive: true); // left behind by a run that was stopped
        }

        if (await RunAsync("git", ["-C", RepositoryRoot.Path, "worktree", "add", "--detach", "--force", checkout, revision]) != 0)
        {
            Console.Error.WriteLine($"git could not check out {revision}.");
            return null;
        }

        try
        {
            return await PublishAsync("baseline", sourceRoot: checkout);
        }
        finally
        {
            await RunAsync("git", ["-C", RepositoryRoot.Path, "worktree", "remove", "--force", checkout]);
        }
    }

    private static async Task<int> RunAsync(string program, string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
