using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Tests.Infra;

/// <summary>A compiled ARM template, with its modules (nested deployments) opened up.</summary>
internal sealed partial class ArmTemplate(JsonObject template, string name)
{
    /// <summary>JSON as written, so that expressions such as <c>parameters('x')</c> keep their quotes.</summary>
    public static readonly JsonSerializerOptions Verbatim = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => name;

    public JsonObject Json => template;

    public IEnumerable<JsonObject> Resources =>
        template["resources"] is JsonObject byName ? byName.Select(pair => pair.Value!.AsObject())
        : template["resources"]?.AsArray().Select(resource => resource!.AsObject()) ?? [];

    public IEnumerable<ArmTemplate> Modules =>
        Resources.Where(resource => (string?)resource["type"] == "Microsoft.Resources/deployments")
            .Select(module => new ArmTemplate(module["properties"]!["template"]!.AsObject(), (string)module["name"]!));

    /// <summary>This template and every module below it.</summary>
    public IEnumerable<ArmTemplate> All => [this, .. Modules.SelectMany(module => module.All)];

    public IEnumerable<JsonObject> AllResources => All.SelectMany(template => template.Resources);

    public JsonObject Single(string type) => Assert.Single(AllResources, resource => (string?)resource["type"] == type);

    public IEnumerable<JsonObject> OfType(string type) => AllResources.Where(resource => (string?)resource["type"] == type);

    public ISet<string> SecureParameters =>
        (template["parameters"]?.AsObject() ?? [])
            .Where(parameter => ((string?)parameter.Value!["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(parameter => parameter.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The secure parameters an expression uses for their value; <c>empty(parameters('x'))</c> only tests for one.</summary>
    public IEnumerable<string> SecretsUsedBy(string expression)
    {
        var withoutEmptinessTests = EmptinessTest().Replace(expression, "");
        return ParameterReference().Matches(withoutEmptinessTests).Select(match => match.Groups["name"].Value).Where(SecureParameters.Contains);
    }

    [GeneratedRegex(@"empty\(parameters\('\w+'\)\)")]
    private static partial Regex EmptinessTest();

    [GeneratedRegex(@"parameters\('(?<name>\w+)'\)")]
    private static partial Regex ParameterReference();
}
