using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Infra;

/// <summary>infra/main.parameters.json as azd reads it: each <c>${NAME=default}</c> replaced from the azd environment.</summary>
internal static partial class AzdParameters
{
    public static JsonObject Read(IReadOnlyDictionary<string, string> environment)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.parameters.json"));
        var substituted = Variable().Replace(text, variable =>
            environment.TryGetValue(variable.Groups["name"].Value, out var value) ? value : variable.Groups["default"].Value);
        return JsonNode.Parse(substituted)!["parameters"]!.AsObject();
    }

    // azd's substitution: ${NAME} or ${NAME=default}, where a default may itself be {} (an empty object).
    [GeneratedRegex(@"\$\{(?<name>[A-Z_][A-Z0-9_]*)(=(?<default>\{\}|[^}]*))?\}")]
    private static partial Regex Variable();
}
