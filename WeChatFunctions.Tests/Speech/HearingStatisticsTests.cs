using WeChatFunctions.Statistics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>Voices the app heard, counted once each by outcome, as get_stat and the dashboard show them. Its own Azurite.</summary>
public sealed class HearingStatisticsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task EachVoiceIsCountedOnceByWhatBecameOfItWhateverTheRetriesAndGetStatSaysWhy()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var platform = new WeChatPlatform(weChat);
        // Heard slowly, so that WeChat retries it once.
        var (heard, _) = hearing.Voice(WeChatClient.NewFollowerId(), "听得见", gate: platform.AttemptStarted(2));
        var (silent, _) = hearing.Voice(WeChatClient.NewFollowerId(), "");
        var (failing, failingAudio) = hearing.Voice(WeChatClient.NewFollowerId(), "服务出错");
        hearing.Speech.Fail(failingAudio, 503);
        var (refused, _) = hearing.Voice(WeChatClient.NewFollowerId(), "不让下载");

        Assert.Equal(2, (await platform.DeliverAsync(heard)).Attempt);
        await new WeChatPlatform(weChat).DeliverAsync(silent);
        await new WeChatPlatform(weChat).DeliverAsync(failing);
        hearing.Account.Api.Fault = call => call == "media/get" ? 48001 : null;
        await new WeChatPlatform(weChat).DeliverAsync(refused);
        var today = await StoredStatistics.TodayWhenAsync(Fixture, figures => figures.HeardVoices.Counts.Sum(outcome => outcome.Value) >= 4);
        var stat = await AdminConsole.NewAdmin(weChat).StatisticsShowingAsync("，语音转文字 4");

        Assert.Equal(
            [
                KeyValuePair.Create(HeardVoiceOutcome.Empty, 1L), KeyValuePair.Create(HeardVoiceOutcome.Heard, 1L),
                KeyValuePair.Create(HeardVoiceOutcome.NotAuthorised, 1L), KeyValuePair.Create(HeardVoiceOutcome.ProviderFailed, 1L),
            ],
            today.HeardVoices.Counts);
        Assert.Contains("，语音转文字 4（没听清 1、无权下载（48001，请开启「接收语音识别结果」） 1、识别服务出错 1）", stat, StringComparison.Ordinal);
    }
}
