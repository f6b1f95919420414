using System.Diagnostics;
using System.Text.Json.Nodes;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Publishing;

/// <summary>
/// `dotnet publish`, as azd and the pipeline run it, makes what the Functions host reads: the functions' metadata,
/// the worker's configuration and host.json, and never local.settings.json.
/// </summary>
[Collection(HeavyBuilds.Name)]
public sealed class PublishedPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void TheWeChatFunctionIsAnAnonymousGetAndPostHttpTriggerAtWeChat()
    {
        var wechat = package.Function("wechat");

        var trigger = Assert.Single(wechat["bindings"]!.AsArray(), binding => (string?)binding!["type"] == "httpTrigger")!;
        Assert.Equal("WeChatFunctions.dll", (string?)wechat["scriptFile"]);
        Assert.Equal("dotnet-isolated", (string?)wechat["language"]);
        Assert.Equal("wechat", (string?)trigger["route"]);
        Assert.Equal("Anonymous", (string?)trigger["authLevel"]);
        Assert.Equal(["get", "post"], trigger["methods"]!.AsArray().Select(method => (string)method!));
    }

    [Fact]
    public void TheDashboardIsAnAnonymousGetTriggerBelowApiDashboardNotUnderTheHostsReservedAdminRoute()
    {
        var dashboard = package.Function("dashboard");

        var trigger = Assert.Single(dashboard["bindings"]!.AsArray(), binding => (string?)binding!["type"] == "httpTrigger")!;
        Assert.Equal("dashboard/{*asset}", (string?)trigger["route"]);
        Assert.Equal("Anonymous", (string?)trigger["authLevel"]);
        Assert.Equal(["get"], trigger["methods"]!.AsArray().Select(method => (string)method!));
    }

    [Fact]
    public void TheCleanupFunctionIsATimerTriggerOnTheCleanupScheduleSetting()
    {
        var cleanup = package.Function("cleanup");

        var trigger = Assert.Single(cleanup["bindings"]!.AsArray())!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("%cleanup_schedule%", (string?)trigger["schedule"]);
    }

    [Fact]
    public void TheWorkerConfigurationStartsTheAppAsADotNetIsolatedWorker()
    {
        var description = package.Json("worker.config.json")["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("WeChatFunctions.dll", (string?)description["defaultWorkerPath"]);
        Assert.Equal("true", (string?)description["workerIndexing"]);
        Assert.True(File.Exists(Path.Combine(package.Directory, "WeChatFunctions.dll")));
    }

    [Fact]
    public void ThePackageHoldsHostJsonAndTheHostsExtensionsButNoLocalSettings()
    {
        var host = package.Json("host.json");

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("api", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.Null(host["customHandler"]);
        Assert.True(File.Exists(Path.Combine(package.Directory, ".azurefunctions", "function.deps.json")), "the host's extension bundle for the worker is missing");
        Assert.Empty(System.IO.Directory.GetFiles(package.Directory, "local.settings.json*", SearchOption.AllDirectories));
    }

    [Fact]
    public void KeywordFilesBesideTheProjectGoOutWithTheAppAndTheExampleIsAValidOne()
    {
        var example = Path.Combine(package.Directory, "keywords.example.yaml");

        Assert.True(File.Exists(example));
        Assert.Equal(3, WeChatFunctions.Keywords.KeywordsFile.Load(example).Count);
    }
}

/// <summary>The app published once for the class, with a local.settings.json beside the project as a developer has one.</summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    private readonly string _localSettings = Path.Combine(RepositoryRoot.Path, "WeChatFunctions", "local.settings.json");
    private bool _wroteLocalSettings;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("wechatfunctions-publish-").FullName;

    public JsonObject Json(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!.AsObject();

    public JsonObject Function(string name) =>
        Assert.Single(JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "functions.metadata")))!.AsArray(), function => (string?)function!["name"] == name)!.AsObject();

    public async Task InitializeAsync()
    {
        if (!File.Exists(_localSettings))
        {
            await File.WriteAllTextAsync(_localSettings, """{"IsEncrypted":false,"Values":{"wechat_token":"never-published"}}""");
            _wroteLocalSettings = true;
        }

        var startInfo = new ProcessStartInfo("dotnet", ["publish", Path.Combine(RepositoryRoot.Path, "WeChatFunctions"), "-c", "Release", "-o", Directory, "--disable-build-servers", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(startInfo)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, await output + await errors);
    }

    public Task DisposeAsync()
    {
        if (_wroteLocalSettings)
        {
            File.Delete(_localSettings);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
