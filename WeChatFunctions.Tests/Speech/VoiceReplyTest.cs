using WeChatFunctions.Simulator;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Speech;

/// <summary>
/// A test of spoken answers: a verified account of its own, so that voices reach the simulator's media library, a
/// fresh follower, and the fake model and speech service reset, as in <see cref="FollowerTest"/>.
/// </summary>
public abstract class VoiceReplyTest(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IAsyncLifetime
{
    protected WeChatFixture Fixture { get; } = fixture;

    protected VerifiedAccount Account { get; private set; } = null!;

    protected FakeTextToSpeech Speech => Fixture.Model.Speech;

    protected string Follower { get; } = WeChatClient.NewFollowerId();

    public Task InitializeAsync()
    {
        Account = VerifiedAccount.Start();
        Fixture.Model.Reset();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Account.DisposeAsync();

    /// <summary>Starts an app on the account with <c>voice_reply</c> set, and <paramref name="change"/> applied after.</summary>
    protected WeChatClient StartApp(string voiceReply = "voice_questions", string replyMode = "passive", Action<Dictionary<string, string?>>? change = null) =>
        Fixture.StartApplication(settings =>
        {
            Account.Configure(settings, replyMode);
            settings["voice_reply"] = voiceReply;
            change?.Invoke(settings);
        }).CreateWeChatClient();

    /// <summary>The voice a reply or a pushed message names, as the app uploaded it.</summary>
    protected StoredMedia UploadedVoice(string? mediaId)
    {
        var voice = Account.Api.Media.Find(mediaId ?? "") ?? throw new InvalidOperationException($"No media {mediaId} was uploaded.");
        Assert.Equal(("voice", "answer.mp3", "audio/mpeg"), (voice.Type, voice.FileName, voice.ContentType));
        return voice;
    }

    /// <summary>The answers the follower's history keeps, newest first.</summary>
    protected async Task<IReadOnlyList<string>> RememberedAnswersAsync() =>
        [.. (await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower)).Where(turn => turn.GetString("Role") == "Assistant").Select(turn => turn.GetString("Content"))];
}
