using WeChatFunctions.Pictures;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pictures;

/// <summary><c>/画</c> in passive mode, over HTTP: the picture the image model drew, uploaded to WeChat and sent as the reply.</summary>
public sealed class PictureRequestTests(WeChatFixture fixture) : PictureTest(fixture)
{
    [Fact]
    public async Task ADrawRequestIsAnsweredWithThePictureTheModelDrewAsAnImageReply()
    {
        var weChat = StartApp(changeSettings: settings => settings["image_size"] = "1536x1024");
        var messageId = Random.Shared.NextInt64(1, long.MaxValue);

        var reply = await weChat.PushAsync(SignedPush.Text("/画 一只在月亮上钓鱼的猫", messageId).From(Follower));

        Assert.Equal("image", reply.MessageType);
        Assert.Equal(Images.Picture, Uploaded(reply.MediaId));
        var uploaded = Assert.Single(Account.Api.Media.Uploads);
        Assert.Equal(("image", "image/png"), (uploaded.Type, uploaded.ContentType));
        var request = Assert.Single(Images.Requests);
        Assert.Equal(("一只在月亮上钓鱼的猫", "gpt-image-1", "1536x1024", null), (request.Prompt, request.Model, request.Size, request.ResponseFormat));
        Assert.Empty(Fixture.Model.Requests);
        Assert.Equal([$"m{messageId}"], await StoredUsage.PicturesTodayAsync(Fixture.Storage, Follower));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task TheEnglishCommandAndAPromptWithoutASpaceDrawToo()
    {
        var weChat = StartApp();

        var english = await weChat.PushAsync(SignedPush.Text("/draw a lighthouse at dawn").From(Follower));
        var unspaced = await weChat.PushAsync(SignedPush.Text("/画一座灯塔").From(Follower));

        Assert.Equal(["a lighthouse at dawn", "一座灯塔"], Images.Requests.Select(request => request.Prompt));
        Assert.All([english, unspaced], reply => Assert.Equal("image", reply.MessageType));
    }

    [Fact]
    public async Task WithPicturesOffADrawRequestIsToldSoAndAnEmptyOneGetsTheUsage()
    {
        var off = Fixture.StartApplication().CreateWeChatClient();
        var on = StartApp();

        var refused = await off.AskAsync(Follower, "/画 一只猫");
        var usage = await on.AskAsync(Follower, "/画");

        Assert.Equal(PictureTexts.Off, refused);
        Assert.Equal(PictureTexts.Usage, usage);
        Assert.Empty(Images.Requests);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task ASlowPictureGetsTheHoldingTextAndContinueDeliversItDrawnOnce()
    {
        var weChat = StartApp();
        var finish = new TaskCompletionSource();
        Images.Gate = finish.Task;

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("/画 一片慢慢长大的森林").From(Follower));
        finish.SetResult();
        var picture = await ContinueUntilPictureAsync(weChat);

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("回答还在生成中，请稍后回复「继续」查看。", delivery.Content);
        Assert.Equal(Images.Picture, Uploaded(picture.MediaId));
        Assert.Single(Images.Requests);
        Assert.Single(Account.Api.Media.Uploads);
    }

    [Fact]
    public async Task ARetryOfAnAnsweredRequestShowsTheSamePictureWithoutDrawingAgain()
    {
        var weChat = StartApp();
        var push = SignedPush.Text("/画 两只熊猫").From(Follower);

        var first = await weChat.PushAsync(push);
        var retry = await weChat.PushAsync(push);

        Assert.Equal(first.MediaId, retry.MediaId);
        Assert.Single(Images.Requests);
    }

    [Fact]
    public async Task AModeratedPromptIsRefusedUndrawnAndUncharged()
    {
        var weChat = StartApp(changeSettings: settings =>
        {
            settings["moderation"] = "keywords";
            settings["banned_words"] = "炸弹";
        });

        var reply = await weChat.AskAsync(Follower, "/画 一颗炸弹");

        Assert.Equal(PictureTexts.PromptBlocked, reply);
        Assert.Empty(Images.Requests);
        Assert.Empty(await StoredUsage.PicturesTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task TheDailyLimitCountsOnlyPicturesProduced()
    {
        var weChat = StartApp(changeSettings: settings => settings["image_daily_limit"] = "1");
        Images.FailureStatus = 500;

        var failed = await weChat.AskAsync(Follower, "/画 第一张");
        Images.FailureStatus = null;
        var messageId = Random.Shared.NextInt64(1, long.MaxValue);
        var drawn = await weChat.PushAsync(SignedPush.Text("/画 第二张", messageId).From(Follower));
        var refused = await weChat.AskAsync(Follower, "/画 第三张");

        Assert.Equal(PictureTexts.ModelFailed, failed);
        Assert.Equal("image", drawn.MessageType);
        Assert.StartsWith("今天的画图次数（每天 1 张）已经用完了", refused, StringComparison.Ordinal);
        Assert.Equal(["第一张", "第二张"], Images.Requests.Select(request => request.Prompt));
        Assert.Equal([$"m{messageId}"], await StoredUsage.PicturesTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task AnAccountThatCannotSendPicturesIsToldSoAndNotCharged()
    {
        var weChat = StartApp();
        Account.Api.Fault = call => call == "media/upload" ? 48001 : null;

        var reply = await weChat.AskAsync(Follower, "/画 一朵云");

        Assert.Equal(PictureTexts.CannotSendPictures, reply);
        Assert.Single(Images.Requests);
        Assert.Empty(Account.Api.Media.Uploads);
        Assert.Empty(await StoredUsage.PicturesTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task APromptTheImageServiceRefusesIsExplained()
    {
        var weChat = StartApp();

        var reply = await weChat.AskAsync(Follower, $"/画 {FakeImages.RefusedMarker}");

        Assert.Equal(PictureTexts.RefusedByImageService, reply);
        Assert.Empty(await StoredUsage.PicturesTodayAsync(Fixture.Storage, Follower));
    }

    [Fact]
    public async Task HelpListsDrawingAndUsageCountsThePictures()
    {
        var weChat = StartApp(changeSettings: settings => settings["image_daily_limit"] = "3");

        await weChat.PushAsync(SignedPush.Text("/画 一只猫").From(Follower));
        var help = await weChat.AskAsync(Follower, "/help");
        var usage = await weChat.AskAsync(Follower, "/usage");
        var helpWithPicturesOff = await Fixture.StartApplication().CreateWeChatClient().AskAsync(Follower, "/help");

        Assert.Contains("/画 描述（/draw 描述）", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/画", helpWithPicturesOff, StringComparison.Ordinal);
        Assert.Contains("今天已画图 1 张，还剩 2 张（每天 3 张）。", usage, StringComparison.Ordinal);
    }

    private async Task<WeChatReplyView> ContinueUntilPictureAsync(WeChatClient weChat)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await weChat.PushAsync(SignedPush.Text("继续").From(Follower));
            if (reply.MessageType == "image" || attempt == 50)
            {
                return reply;
            }

            Assert.Equal("回答还在生成中，请稍后回复「继续」查看。", reply.Content);
            await Task.Delay(200);
        }
    }
}
