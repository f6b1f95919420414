using System.Diagnostics;
using System.Reflection;

namespace WeChatFunctions.Tests.Infra;

/// <summary>The Bicep CLI that the test project downloads from NuGet, or one on the PATH elsewhere.</summary>
internal static class BicepCli
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Path())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Bicep would otherwise try to reach the internet for telemetry and registry modules, which it must not need.
        startInfo.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static string Path()
    {
        var downloaded = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPath")?.Value;
        if (downloaded is null || !File.Exists(downloaded))
        {
            return "bicep";
        }

        // NuGet does not keep the executable bit of a package's files.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(downloaded).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(downloaded, File.GetUnixFileMode(downloaded) | UnixFileMode.UserExecute);
        }

        return downloaded;
    }
}
