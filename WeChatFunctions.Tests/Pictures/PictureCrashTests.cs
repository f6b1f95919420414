using WeChatFunctions.Pictures;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pictures;

/// <summary>
/// Two app processes: the instance drawing a <c>/画</c> picture is killed mid-drawing, and the one that takes the
/// request over finds the picture begun and never finished. It tells the follower, refunds the charge and does not draw
/// again: a picture is paid for once at most.
/// </summary>
public sealed class PictureCrashTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private readonly string _follower = WeChatClient.NewFollowerId();

    [Fact]
    public async Task AnOwnerKilledWhileDrawingIsTakenOverAndThePictureIsNotDrawnAgain()
    {
        await using var account = VerifiedAccount.Start();
        void WithPictures(Dictionary<string, string?> settings)
        {
            account.Configure(settings, "passive");
            settings["image_generation"] = "on";
        }

        var (victim, heir) = (await fixture.StartInstanceAsync(WithPictures), await fixture.StartInstanceAsync(WithPictures));
        fixture.Model.Reset();
        var never = new TaskCompletionSource();
        fixture.Model.Images.Gate = never.Task; // the victim's picture never comes: it dies first
        var platform = new WeChatPlatform(victim.WeChat, heir.WeChat, heir.WeChat);

        var delivering = platform.DeliverAsync(SignedPush.Text("/画 一只画不完的猫").From(_follower));
        await fixture.Model.Images.Requested.WaitAsync(TimeSpan.FromSeconds(30));
        await victim.KillAsync();
        var delivery = await delivering;
        never.SetResult();

        Assert.Equal(PictureTexts.Interrupted, await AnswerAsync(delivery, heir.WeChat));
        Assert.Single(fixture.Model.Images.Requests);
        Assert.Empty(account.Api.Media.Uploads);
        Assert.Empty(await StoredUsage.PicturesTodayAsync(fixture.Storage, _follower));
    }

    /// <summary>What the follower reads: the reply of the attempt that took the request over, or 「继续」's if it came later.</summary>
    private async Task<string> AnswerAsync(Infrastructure.Delivery delivery, WeChatClient instance)
    {
        var reply = delivery.Content;
        for (var attempt = 0; reply.StartsWith("回答还在生成中", StringComparison.Ordinal) && attempt < 20; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            reply = await instance.AskAsync(_follower, "继续");
        }

        return reply;
    }
}
