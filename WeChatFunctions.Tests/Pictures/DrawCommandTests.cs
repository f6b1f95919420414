using WeChatFunctions.Pictures;

namespace WeChatFunctions.Tests.Pictures;

/// <summary>What counts as a picture request, and its description.</summary>
public sealed class DrawCommandTests
{
    [Theory]
    [InlineData("/画 一只猫", "一只猫")]
    [InlineData("/画一只猫", "一只猫")]
    [InlineData("  /画　水彩的山  ", "水彩的山")]
    [InlineData("/draw a cat", "a cat")]
    [InlineData("/DRAW a cat", "a cat")]
    [InlineData("/画", "")]
    [InlineData("/draw", "")]
    public void APictureRequestGivesItsDescription(string content, string prompt)
    {
        Assert.True(DrawCommand.TryParse(content, out var parsed));
        Assert.Equal(prompt, parsed);
    }

    [Theory]
    [InlineData("画一只猫")]
    [InlineData("/drawing a cat")]
    [InlineData("/help")]
    [InlineData("请 /画 一只猫")]
    public void AnythingElseIsNot(string content) => Assert.False(DrawCommand.TryParse(content, out _));
}
