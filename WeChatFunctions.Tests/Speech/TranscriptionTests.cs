using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>
/// Voices WeChat sends without its own recognition, heard with Azure AI Speech's fast transcription (the fake), the
/// voice downloaded with media/get from WeChat's API (the simulator's), and then taken as the follower's text.
/// </summary>
public sealed class TranscriptionTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task AVoiceWithoutRecognitionIsHeardAndAnsweredWithWhatWasHeardFirst()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, audio) = hearing.Voice(Follower, "今天天气怎么样");

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.Equal("（听到：今天天气怎么样）\n\n回答：今天天气怎么样", reply.Content);
        var request = Assert.Single(hearing.Speech.RequestsFor(audio));
        Assert.Equal(("2025-10-15", FakeFastTranscriptionServer.Key, "voice.amr", "audio/amr"), (request.ApiVersion, request.Key, request.FileName, request.ContentType));
        Assert.Equal("""{"locales":["zh-CN"]}""", request.Definition.ToJsonString());
        Assert.Equal(1, hearing.Account.Api.Media.Downloads);
        Assert.Equal("今天天气怎么样", Assert.Single(Fixture.Model.Requests).LastUserMessage);
        var turns = await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower);
        Assert.Contains(turns, turn => turn.GetString("Content") == "回答：今天天气怎么样");
        Assert.DoesNotContain(turns, turn => turn.GetString("Content")?.Contains("听到", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task WithShowTranscriptOffTheAnswerIsTheModelsAloneAndTheLocalesAreTheOperators()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(settings =>
        {
            hearing.Configure(settings);
            settings["show_transcript"] = "false";
            settings["speech_locales"] = "zh-CN, en-US";
        }).CreateWeChatClient();
        var (push, audio) = hearing.Voice(Follower, "明天会下雨吗");

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.Equal("回答：明天会下雨吗", reply.Content);
        Assert.Equal("""{"locales":["zh-CN","en-US"]}""", Assert.Single(hearing.Speech.RequestsFor(audio)).Definition.ToJsonString());
    }

    [Fact]
    public async Task GetConfigShowsHowVoicesAreHeardWithTheKeyMasked()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();

        var config = await AdminConsole.NewAdmin(weChat).RunAsync("get_config");

        Assert.Contains("transcription_provider：azure_speech（transcription_model gpt-4o-mini-transcribe，show_transcript True）", config, StringComparison.Ordinal);
        Assert.Contains($"speech_endpoint：{hearing.Speech.Endpoint}（speech_key fak…cdef，speech_locales zh-CN）", config, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeFastTranscriptionServer.Key, config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVoiceWithWeChatsRecognitionIsNotDownloadedAndShowsNothingOfIt()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();

        var reply = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Voice("微信听到的").From(Follower));

        Assert.Equal("回答：微信听到的", reply.Content);
        Assert.Equal(0, hearing.Account.Api.Media.Downloads);
    }

    [Fact]
    public async Task AnEmptyTranscriptAsksToSayItAgainAndAsksTheModelNothing()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, _) = hearing.Voice(Follower, "");

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.Equal("没听清，请再说一遍或打字。", reply.Content);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task AnAccountThatMayNotDownloadGetsAClearTextAndTheAdminsHintOnlyOnce()
    {
        await using var hearing = await HearingAccount.StartAsync();
        hearing.Account.Api.Fault = call => call == "media/get" ? 48001 : null;
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (first, audio) = hearing.Voice(Follower, "第一条");
        var (second, _) = hearing.Voice(Follower, "第二条");

        var firstReply = await new WeChatPlatform(weChat).DeliverAsync(first);
        var secondReply = await new WeChatPlatform(weChat).DeliverAsync(second);

        Assert.StartsWith("抱歉，这个公众号暂时听不了语音，请发文字给我。\n\n（给管理员的提示：", firstReply.Content, StringComparison.Ordinal);
        Assert.Contains("在微信开发者平台开启「接收语音识别结果」", firstReply.Content, StringComparison.Ordinal);
        Assert.Equal("抱歉，这个公众号暂时听不了语音，请发文字给我。", secondReply.Content);
        Assert.Empty(hearing.Speech.RequestsFor(audio));
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task AFailingSpeechServiceGetsAnApologyChargesNothingAndLogsNoKey()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var logs = new CapturedLogs();
        var weChat = Fixture.StartApplication(hearing.Configure, logs.AddTo).CreateWeChatClient();
        var (push, audio) = hearing.Voice(Follower, "听不到的问题");
        hearing.Speech.Fail(audio, 500);

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.Equal("抱歉，语音识别暂时出了问题，这条语音没能听懂。请稍后再说一遍，或者打字告诉我。", reply.Content);
        Assert.Empty(Fixture.Model.Requests);
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.Contains("could not be heard: ProviderFailed", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeFastTranscriptionServer.Key, logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVoiceTheServiceTakesTooLongOverGetsAnApologyWithinWeChatsRetries()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, _) = hearing.Voice(Follower, "永远听不完", gate: new TaskCompletionSource().Task);

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.InRange(delivery.Attempt, 2, 3);
        Assert.Equal("抱歉，语音识别暂时出了问题，这条语音没能听懂。请稍后再说一遍，或者打字告诉我。", delivery.Content);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task AWrongSpeechKeyIsAProviderFailureToo()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(settings =>
        {
            hearing.Configure(settings);
            settings["speech_key"] = "not-the-key";
        }).CreateWeChatClient();
        var (push, audio) = hearing.Voice(Follower, "钥匙不对");

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.StartsWith("抱歉，语音识别暂时出了问题", reply.Content, StringComparison.Ordinal);
        Assert.Equal("not-the-key", Assert.Single(hearing.Speech.RequestsFor(audio)).Key);
    }

    [Fact]
    public async Task ASpokenAdminTokenIsHiddenFromTheModelAndFromWhatWasHeard()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, _) = hearing.Voice(Follower, $"我的密码是 {WeChatApplication.AdminToken} 对吗");

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.StartsWith("（听到：我的密码是 [已隐藏] 对吗）\n\n回答：", reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(WeChatApplication.AdminToken, reply.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(WeChatApplication.AdminToken, Assert.Single(Fixture.Model.Requests).LastUserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpokenAdminCommandRunsAsOne()
    {
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, _) = hearing.Voice(Follower, $"admin command {WeChatApplication.AdminToken}\nhelp");

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.StartsWith("管理命令", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task AHeardVoicesLongAnswerShowsWhatWasHeardOnItsFirstPageOnly()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Range(1, 300).Select(index => $"第{index}句话。")) });
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, _) = hearing.Voice(Follower, "讲个长故事");

        var first = await new WeChatPlatform(weChat).DeliverAsync(push);
        var second = await weChat.AskAsync(Follower, "继续");

        Assert.StartsWith("(1/", first.Content, StringComparison.Ordinal);
        Assert.StartsWith("（听到：讲个长故事）\n\n第1句话。", ReplyPage.TextOf(first.Content), StringComparison.Ordinal);
        Assert.StartsWith("(2/", second, StringComparison.Ordinal);
        Assert.DoesNotContain("听到", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpokenContinueTheAppHeardFetchesTheNextPage()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => string.Concat(Enumerable.Range(1, 300).Select(index => $"第{index}句话。")) });
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var first = await weChat.AskAsync(Follower, "长回答");
        var (push, _) = hearing.Voice(Follower, "继续。");

        var second = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.Contains("（未完", first, StringComparison.Ordinal);
        Assert.StartsWith("(2/", second.Content, StringComparison.Ordinal);
        Assert.StartsWith("第", ReplyPage.TextOf(second.Content), StringComparison.Ordinal);
        Assert.Single(Fixture.Model.Requests);
    }

    [Fact]
    public async Task ALongTranscriptIsShortenedInWhatWasHeardButAskedWhole()
    {
        var said = string.Concat(Enumerable.Repeat("很长的一句话", 20));
        await using var hearing = await HearingAccount.StartAsync();
        var weChat = Fixture.StartApplication(hearing.Configure).CreateWeChatClient();
        var (push, _) = hearing.Voice(Follower, said);

        var reply = await new WeChatPlatform(weChat).DeliverAsync(push);

        Assert.StartsWith($"（听到：{said[..60]}…）\n\n回答：{said}", ReplyPage.TextOf(reply.Content), StringComparison.Ordinal);
        Assert.Equal(said, Assert.Single(Fixture.Model.Requests).LastUserMessage);
    }
}
