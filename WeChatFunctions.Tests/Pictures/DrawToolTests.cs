using WeChatFunctions.Pictures;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pictures;

/// <summary>The <c>draw</c> tool through the fake model: its picture follows the model's words, as the answer's last page.</summary>
public sealed class DrawToolTests(WeChatFixture fixture) : PictureTest(fixture)
{
    [Fact]
    public async Task TheModelsPictureIsThePageAfterItsAnswer()
    {
        var weChat = StartApp(changeSettings: settings => settings["tools"] = "draw");
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("draw", """{"prompt":"a red kite over the sea"}""", _ => "画好了：海上的红风筝。"));

        var words = await weChat.AskAsync(Follower, "帮我画一只风筝");
        var picture = await weChat.PushAsync(SignedPush.Text("继续").From(Follower));

        Assert.StartsWith("(1/2) 画好了：海上的红风筝。", words, StringComparison.Ordinal);
        Assert.EndsWith("（未完，回复「继续」查看后续）", words, StringComparison.Ordinal);
        Assert.Equal("image", picture.MessageType);
        Assert.Equal(Fixture.Model.Images.Picture, Uploaded(picture.MediaId));
        Assert.Equal("a red kite over the sea", Assert.Single(Images.Requests).Prompt);
        var withResult = Assert.Single(Fixture.Model.Requests, request => request.ToolResults.Count > 0);
        Assert.Contains(PictureTexts.DrawnForModel, withResult.ToolResults[0].Content, StringComparison.Ordinal);
        Assert.Single(await StoredUsage.PicturesTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task ASecondPictureForOneAnswerIsRefusedAndNotDrawn()
    {
        var weChat = StartApp(changeSettings: settings => settings["tools"] = "draw");
        Fixture.Model.Reset(new FakeModelBehavior
        {
            ToolCalls = request => request.ToolResults.Count == 0
                ? [new FakeToolCall("draw", """{"prompt":"a cat"}"""), new FakeToolCall("draw", """{"prompt":"a dog"}""")]
                : [],
            Answer = _ => "画了一张。",
        });

        await weChat.AskAsync(Follower, "画一只猫和一只狗");

        Assert.Equal("a cat", Assert.Single(Images.Requests).Prompt);
        var results = Assert.Single(Fixture.Model.Requests, request => request.ToolResults.Count > 0).ToolResults;
        Assert.Contains(PictureTexts.OnePerAnswer, results[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverTheDailyLimitTheModelIsToldWhyAndNothingIsDrawn()
    {
        var weChat = StartApp(changeSettings: settings =>
        {
            settings["tools"] = "draw";
            settings["image_daily_limit"] = "1";
        });
        await weChat.PushAsync(SignedPush.Text("/画 第一张").From(Follower));
        Fixture.Model.Reset(FakeModelBehavior.CallingTool("draw", """{"prompt":"another one"}"""));

        var answer = await weChat.AskAsync(Follower, "再画一张");

        Assert.Contains("今天的画图次数（每天 1 张）已经用完了", answer, StringComparison.Ordinal);
        Assert.Empty(Images.Requests);
    }
}
