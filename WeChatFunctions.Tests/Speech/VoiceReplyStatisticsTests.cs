using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Tests.Speech;

/// <summary>Spoken answers, and those sent as text instead, counted by reason as get_stat shows them. Its own Azurite.</summary>
public sealed class VoiceReplyStatisticsTests(WeChatFixture fixture) : VoiceReplyTest(fixture)
{
    [Fact]
    public async Task EachAnswerToBeSpokenIsCountedByWhatBecameOfItAndGetStatShowsIt()
    {
        var weChat = StartApp();
        await weChat.PushAsync(SignedPush.Voice("短问题").From(Follower));
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => new string('长', 300) + "。" });
        await weChat.PushAsync(SignedPush.Voice("长问题").From(Follower));
        Fixture.Model.Reset();
        Account.Api.Fault = call => call == WeChatMedia.UploadCall ? 48001 : null;
        await weChat.PushAsync(SignedPush.Voice("被拒的问题").From(Follower));
        await weChat.PushAsync(SignedPush.Text("打字的问题").From(Follower));

        var today = await StoredStatistics.TodayWhenAsync(Fixture, figures => figures.VoiceReplies.Counts.Sum(outcome => outcome.Value) >= 3);
        var stat = await AdminConsole.NewAdmin(weChat).StatisticsShowingAsync("语音回答");

        Assert.Equal(
            [KeyValuePair.Create("spoken", 1L), KeyValuePair.Create("too_long", 1L), KeyValuePair.Create("upload_refused", 1L)],
            today.VoiceReplies.Counts);
        Assert.Contains("语音回答（近7天）：发出 1，改发文字 2（过长 1、上传被拒 1）", stat, StringComparison.Ordinal);
    }
}
