namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// A verified account whose followers speak without WeChat's recognition: WeChat's API (the simulator's) serves each
/// voice by its media id, and Azure AI Speech (the fake) hears it as the test says.
/// </summary>
public sealed class HearingAccount : IAsyncDisposable
{
    private HearingAccount(VerifiedAccount account, FakeFastTranscriptionServer speech) => (Account, Speech) = (account, speech);

    public VerifiedAccount Account { get; }

    public FakeFastTranscriptionServer Speech { get; }

    public static async Task<HearingAccount> StartAsync() => new(VerifiedAccount.Start(), await FakeFastTranscriptionServer.StartAsync());

    /// <summary>Settings that make an app hear voices with Azure AI Speech on this account, answering passively.</summary>
    public void Configure(Dictionary<string, string?> settings)
    {
        Account.Configure(settings, "passive");
        settings["transcription_provider"] = "azure_speech";
        settings["speech_endpoint"] = Speech.Endpoint.ToString();
        settings["speech_key"] = FakeFastTranscriptionServer.Key;
    }

    /// <summary>A voice no other test sends: an AMR header and random frames.</summary>
    public static byte[] NewAmr() => [.. "#!AMR\n"u8, .. Enumerable.Range(0, 32).Select(_ => (byte)Random.Shared.Next(256))];

    /// <summary>A voice the follower sends, kept by WeChat for media/get and heard by the speech service as <paramref name="transcript"/>.</summary>
    /// <param name="gate">Holds the speech service's answer until it completes.</param>
    public (SignedPush Push, byte[] Audio) Voice(string followerId, string transcript, Task? gate = null)
    {
        var audio = NewAmr();
        Speech.Hear(audio, transcript, gate);
        return (SignedPush.Voice(recognition: null, Account.Api.Media.Add(audio, "audio/amr")).From(followerId), audio);
    }

    public async ValueTask DisposeAsync()
    {
        await Speech.DisposeAsync();
        await Account.DisposeAsync();
    }
}
