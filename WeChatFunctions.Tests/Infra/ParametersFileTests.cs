using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Infra;

/// <summary>infra/main.parameters.json as azd reads it: each <c>${NAME=default}</c> replaced from the azd environment.</summary>
public sealed partial class ParametersFileTests
{
    [Fact]
    public void OperatorSettingsKeptInTheAzdEnvironmentReachTheAppSettingOverrides()
    {
        var withOverrides = Parameters(new() { ["APP_SETTING_OVERRIDES"] = """{"white_list_user_ids":"o1,o2","daily_limit":"50"}""" });
        var without = Parameters([]);

        Assert.Equal("o1,o2", withOverrides["appSettingOverrides"]!["value"]!["white_list_user_ids"]!.GetValue<string>());
        Assert.Equal("50", withOverrides["appSettingOverrides"]!["value"]!["daily_limit"]!.GetValue<string>());
        Assert.Empty(without["appSettingOverrides"]!["value"]!.AsObject());
    }

    [Fact]
    public void EveryParameterTheFileSetsIsOneMainBicepDeclares()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"));

        Assert.All(Parameters([]).Select(parameter => parameter.Key), name => Assert.Matches($@"(?m)^param {name} ", bicep));
    }

    private static JsonObject Parameters(Dictionary<string, string> environment)
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
