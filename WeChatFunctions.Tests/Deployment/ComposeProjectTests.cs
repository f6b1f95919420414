using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace WeChatFunctions.Tests.Deployment;

/// <summary>compose.yaml, .env.tpl and the Dockerfile held to what a server left alone for months needs.</summary>
public sealed partial class ComposeProjectTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static readonly YamlMappingNode Services = (YamlMappingNode)Compose()["services"];

    [Fact]
    public void EveryServiceRestartsUnlessStoppedAndHasAHealthCheck()
    {
        var services = Services.Children.ToDictionary(service => service.Key.ToString(), service => (YamlMappingNode)service.Value);

        Assert.Equal(["app", "azurite", "caddy", "searxng"], services.Keys.Order(StringComparer.Ordinal));
        Assert.All(services.Values, service => Assert.Equal("unless-stopped", service["restart"].ToString()));
        Assert.All(services.Values, service => Assert.True(service.Children.ContainsKey("healthcheck")));
    }

    [Fact]
    public void AzuriteKeepsItsDataInANamedVolumeAndCaddyAloneIsPublishedOnPorts80And443()
    {
        var azurite = (YamlMappingNode)Services["azurite"];
        var caddy = (YamlMappingNode)Services["caddy"];
        var app = (YamlMappingNode)Services["app"];

        Assert.Contains("azurite-data:/data", ((YamlSequenceNode)azurite["volumes"]).Select(volume => volume.ToString()));
        Assert.True(((YamlMappingNode)Compose()["volumes"]).Children.ContainsKey("azurite-data"));
        Assert.Equal(["80:80", "443:443", "443:443/udp"], ((YamlSequenceNode)caddy["ports"]).Select(port => port.ToString()));
        Assert.False(app.Children.ContainsKey("ports"));
    }

    [Fact]
    public void TheSearxngProfileRunsAnInstanceWithJsonOutputThatOnlyTheAppReachesAndWaitsFor()
    {
        var searxng = (YamlMappingNode)Services["searxng"];
        var app = (YamlMappingNode)Services["app"];
        var mount = Assert.Single(((YamlSequenceNode)searxng["volumes"]).Select(volume => volume.ToString()));
        var settings = Yaml(mount.Split(':')[0]);
        var dependency = (YamlMappingNode)((YamlMappingNode)app["depends_on"])["searxng"];
        var environment = (YamlMappingNode)app["environment"];

        Assert.Equal(["searxng"], ((YamlSequenceNode)searxng["profiles"]).Select(profile => profile.ToString()));
        Assert.Equal("./deploy/searxng/settings.yml:/etc/searxng/settings.yml:ro", mount);
        Assert.Equal("true", settings["use_default_settings"].ToString());
        Assert.Contains("json", ((YamlSequenceNode)((YamlMappingNode)settings["search"])["formats"]).Select(format => format.ToString()));
        Assert.False(searxng.Children.ContainsKey("ports"));
        Assert.Equal(["8080"], ((YamlSequenceNode)searxng["expose"]).Select(port => port.ToString()));
        // A secret made at each start, none written down: the entry point exports a random SEARXNG_SECRET, then runs the image's own.
        Assert.Matches(@"^export SEARXNG_SECRET=\$\$\(head -c \d+ /dev/urandom .*\); exec /usr/local/searxng/entrypoint\.sh$", ((YamlSequenceNode)searxng["entrypoint"]).Last().ToString());
        Assert.Equal(("service_healthy", "false"), (dependency["condition"].ToString(), dependency["required"].ToString()));
        Assert.Contains("searxng", environment["no_proxy"].ToString().Split(','));
        Assert.Contains("web_search_endpoint=http://searxng:8080", File.ReadAllText(Path.Combine(Root, ".env.tpl")), StringComparison.Ordinal);
    }

    [Fact]
    public void AProxyOnTheServerItselfIsReachedAsHostDockerInternalWhileAzuriteBypassesIt()
    {
        var app = (YamlMappingNode)Services["app"];
        var environment = (YamlMappingNode)app["environment"];
        var template = File.ReadAllText(Path.Combine(Root, ".env.tpl"));

        Assert.Contains("host.docker.internal:host-gateway", ((YamlSequenceNode)app["extra_hosts"]).Select(host => host.ToString()));
        Assert.Contains("azurite", environment["no_proxy"].ToString().Split(','));
        Assert.Contains("http://host.docker.internal:", template, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvTemplateNamesEverySettingOfTheReferenceAndEveryVariableComposeReads()
    {
        var template = File.ReadAllText(Path.Combine(Root, ".env.tpl"));
        var named = EnvLine().Matches(template).Select(line => line.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var documented = SettingRow().Matches(File.ReadAllText(Path.Combine(Root, "docs", "settings.md"))).Select(row => row.Groups["name"].Value);
        var composeReads = ComposeVariable().Matches(File.ReadAllText(Path.Combine(Root, "compose.yaml"))).Select(variable => variable.Groups["name"].Value);

        Assert.All(documented, setting => Assert.Contains(setting, named));
        Assert.All(composeReads, variable => Assert.Contains(variable, named));
        Assert.Subset(named, new HashSet<string>(["wechat_token", "chat_gpt_token", "token", "http_proxy", "admin_user_ids", "white_list_user_ids", "admin_email"], StringComparer.Ordinal));
    }

    [Fact]
    public void TheImageRunsTheStandaloneHostAsTheNonRootUserOnPort8080()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Where(line => !line.StartsWith('#')).ToArray();

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", dockerfile);
        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("EXPOSE 8080", dockerfile);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"WeChatFunctions.dll\"]", dockerfile);
        // The restore layer comes before the source, so that a change to the code reuses it.
        Assert.True(Array.FindIndex(dockerfile, line => line.Contains("dotnet restore", StringComparison.Ordinal))
            < Array.FindIndex(dockerfile, line => line.StartsWith("COPY WeChatFunctions/ ", StringComparison.Ordinal)));
    }

    private static YamlMappingNode Compose() => Yaml("compose.yaml");

    private static YamlMappingNode Yaml(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, path));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^#? ?(?<name>[A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z_][A-Za-z0-9_]*)` \|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ComposeVariable();
}
