using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Infra;

/// <summary>infra/main.parameters.json as azd reads it: each <c>${NAME=default}</c> replaced from the azd environment.</summary>
public sealed class ParametersFileTests
{
    [Fact]
    public void OperatorSettingsKeptInTheAzdEnvironmentReachTheAppSettingOverrides()
    {
        var withOverrides = AzdParameters.Read(new Dictionary<string, string> { ["APP_SETTING_OVERRIDES"] = """{"white_list_user_ids":"o1,o2","daily_limit":"50"}""" });
        var without = AzdParameters.Read(new Dictionary<string, string>());

        Assert.Equal("o1,o2", withOverrides["appSettingOverrides"]!["value"]!["white_list_user_ids"]!.GetValue<string>());
        Assert.Equal("50", withOverrides["appSettingOverrides"]!["value"]!["daily_limit"]!.GetValue<string>());
        Assert.Empty(without["appSettingOverrides"]!["value"]!.AsObject());
    }

    [Fact]
    public void EveryParameterTheFileSetsIsOneMainBicepDeclares()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"));

        Assert.All(AzdParameters.Read(new Dictionary<string, string>()).Select(parameter => parameter.Key), name => Assert.Matches($@"(?m)^param {name} ", bicep));
    }
}
