using System.Runtime.Versioning;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Deployment;

/// <summary>
/// scripts/deploy-vm.sh against a stand-in server: an ssh that runs the remote command in a local folder, and a docker
/// that records how it was called.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DeployScriptTests : IDisposable
{
    private readonly string _machine = Directory.CreateTempSubdirectory("wechatfunctions-vm-").FullName;

    private string Tools => Path.Combine(_machine, "bin");

    private string Server => Path.Combine(_machine, "server");

    public DeployScriptTests()
    {
        Directory.CreateDirectory(Tools);
        Directory.CreateDirectory(Server);
        WriteTool("ssh", $"host=$1; shift; cd '{Server}' && bash -c \"$*\"");
        WriteTool("docker", $"echo \"$*\" >> '{Path.Combine(_machine, "docker-calls")}'");
    }

    [Fact]
    public async Task ItCopiesTheComposeProjectAndTheSettingsAndStartsIt()
    {
        var settings = WriteSettings("wechat_token=vmtoken\nchat_gpt_token=sk-vm\n");

        var (exitCode, output) = await RunAsync(settings, "operator@203.0.113.7");

        Assert.True(exitCode == 0, output);
        var project = Path.Combine(Server, "wechatfunctions");
        Assert.All(["compose.yaml", "Dockerfile", ".dockerignore", "deploy/Caddyfile", "global.json", "WeChatFunctions/WeChatFunctions.csproj"],
            file => Assert.True(File.Exists(Path.Combine(project, file)), file));
        Assert.Equal("wechat_token=vmtoken\nchat_gpt_token=sk-vm\n", await File.ReadAllTextAsync(Path.Combine(project, ".env")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(project, ".env")));
        Assert.False(Directory.Exists(Path.Combine(project, "WeChatFunctions.Tests")));
        Assert.Contains("compose up -d --build --remove-orphans", await File.ReadAllTextAsync(Path.Combine(_machine, "docker-calls")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat_gpt_token=sk-vm\n", "wechat_token")]
    [InlineData("wechat_token=vmtoken\nchat_gpt_token=\n", "chat_gpt_token")]
    public async Task ASettingTheAppCannotStartWithoutStopsItBeforeAnythingIsCopied(string content, string missing)
    {
        var (exitCode, output) = await RunAsync(WriteSettings(content), "203.0.113.7");

        Assert.Equal(1, exitCode);
        Assert.Contains(missing, output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Server));
    }

    [Fact]
    public async Task WithoutAHostItSaysHowToCallIt()
    {
        var (exitCode, output) = await RunAsync(WriteSettings("wechat_token=vmtoken\nchat_gpt_token=sk-vm\n"));

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: scripts/deploy-vm.sh [user@]HOST", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_machine, recursive: true);

    private string WriteSettings(string content)
    {
        var path = Path.Combine(_machine, "server.env");
        File.WriteAllText(path, content);
        return path;
    }

    private void WriteTool(string name, string script)
    {
        var path = Path.Combine(Tools, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + script + "\n");
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
    }

    private Task<(int ExitCode, string Output)> RunAsync(string settings, params string[] arguments) =>
        CommandLine.RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "deploy-vm.sh"), .. arguments], new Dictionary<string, string>
        {
            ["PATH"] = Tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["DEPLOY_ENV_FILE"] = settings,
        });
}
