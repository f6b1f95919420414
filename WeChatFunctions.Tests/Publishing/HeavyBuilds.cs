namespace WeChatFunctions.Tests.Publishing;

/// <summary>
/// Tests that run a build tool (dotnet publish, the Bicep CLI) take both cores for a while; they run on their own,
/// after the parallel tests, so the tests that hold WeChat's 5-second window are not starved.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyBuilds
{
    public const string Name = "Heavy builds";
}
