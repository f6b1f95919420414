using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Infra;

/// <summary>
/// What `azd provision` would deploy for an azd environment, as `bicep snapshot` predicts it: main.parameters.json
/// filled from the environment, then infra/main.bicep evaluated with those parameters, module outputs included.
/// Values only Azure knows (an identity's principal id) stay expressions.
/// </summary>
internal sealed partial class DeploymentSnapshot(JsonObject snapshot)
{
    public const string Subscription = "00000000-0000-0000-0000-00000000a2d0";

    private static readonly string MainBicep = Path.Combine(RepositoryRoot.Path, "infra", "main.bicep");

    private static readonly Dictionary<string, string> Required = new()
    {
        ["AZURE_ENV_NAME"] = "wechat-test",
        ["AZURE_LOCATION"] = "eastasia",
        ["WECHAT_TOKEN"] = "a-token",
    };

    public IEnumerable<JsonObject> Resources => snapshot["predictedResources"]!.AsArray().Select(resource => resource!.AsObject());

    public JsonObject AppSettings => Single("Microsoft.Web/sites/config")["properties"]!.AsObject();

    public JsonObject Outputs => snapshot["outputs"]!.AsObject();

    public IEnumerable<JsonObject> OfType(string type) => Resources.Where(resource => (string?)resource["type"] == type);

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    public static async Task<DeploymentSnapshot> PredictAsync(IReadOnlyDictionary<string, string> azdEnvironment)
    {
        var environment = new Dictionary<string, string>(Required);
        foreach (var (name, value) in azdEnvironment)
        {
            environment[name] = value;
        }

        // Under the test binaries, so that the parameters file reaches main.bicep by the relative path Bicep requires.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "snapshots", Guid.NewGuid().ToString("N")));
        try
        {
            var parametersFile = Path.Combine(folder.FullName, "main.bicepparam");
            await File.WriteAllTextAsync(parametersFile, BicepParameters(AzdParameters.Read(environment), folder.FullName));
            var (exitCode, output, errors) = await BicepCli.RunAsync(
                "snapshot", parametersFile, "--subscription-id", Subscription, "--tenant-id", Subscription, "--location", environment["AZURE_LOCATION"]);
            Assert.True(exitCode == 0, output + errors);
            var text = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "main.snapshot.json"));
            return new DeploymentSnapshot(JsonNode.Parse(text)!.AsObject());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A .bicepparam with each value as azd passes it: converted to the type main.bicep declares.</summary>
    private static string BicepParameters(JsonObject parameters, string folder)
    {
        var types = DeclaredType().Matches(File.ReadAllText(MainBicep)).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["type"].Value);
        var lines = new List<string> { $"using '{Path.GetRelativePath(folder, MainBicep).Replace('\\', '/')}'" };
        foreach (var (name, parameter) in parameters)
        {
            var value = parameter!["value"]!;
            var json = types[name] is "bool" or "int" && value.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? ((string)value!).ToLowerInvariant()
                : value.ToJsonString();
            lines.Add($"param {name} = json('{json.Replace("\\", "\\\\").Replace("'", "\\'").Replace("$", "\\$")}')");
        }

        return string.Join('\n', lines) + '\n';
    }

    [GeneratedRegex(@"(?m)^param (?<name>\w+) (?<type>\w+)")]
    private static partial Regex DeclaredType();
}
