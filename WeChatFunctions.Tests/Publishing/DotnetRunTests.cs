using System.Diagnostics;
using System.Text.Json.Nodes;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Publishing;

/// <summary>
/// `dotnet run --project WeChatFunctions` starts the app standalone in the project folder, where local.settings.json
/// lives, rather than `func start`, which the Functions SDK would make it run.
/// </summary>
[Collection(HeavyBuilds.Name)]
public sealed class DotnetRunTests
{
    [Fact]
    public async Task DotnetRunStartsTheBuiltAppStandaloneInTheProjectFolder()
    {
        var project = Path.Combine(RepositoryRoot.Path, "WeChatFunctions");
        var startInfo = new ProcessStartInfo("dotnet", ["msbuild", project, "-t:ComputeRunArguments", "-getProperty:RunCommand", "-getProperty:RunArguments", "-getProperty:RunWorkingDirectory", "-nologo"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        using var msbuild = Process.Start(startInfo)!;
        var output = await msbuild.StandardOutput.ReadToEndAsync();
        await msbuild.WaitForExitAsync();

        Assert.Equal(0, msbuild.ExitCode);
        var run = JsonNode.Parse(output)!["Properties"]!;
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension((string)run["RunCommand"]!));
        Assert.StartsWith("exec ", (string)run["RunArguments"]!, StringComparison.Ordinal);
        Assert.EndsWith("WeChatFunctions.dll\"", (string)run["RunArguments"]!, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(project), Path.GetFullPath((string)run["RunWorkingDirectory"]!));
    }
}
