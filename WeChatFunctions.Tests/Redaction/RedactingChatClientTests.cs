using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using WeChatFunctions.Redaction;

namespace WeChatFunctions.Tests.Redaction;

/// <summary>
/// The model pipeline's last line: text that reached a prompt without passing the question's redaction (an old turn, a
/// /prompt, an answer's start) still goes out without the token, and a changed token is picked up.
/// </summary>
public sealed class RedactingChatClientTests
{
    [Fact]
    public async Task EveryTextPartOfEveryMessageAndTheInstructionsAreRedacted()
    {
        var model = new RecordingChatClient();
        var client = new RedactingChatClient(model, new TextRedaction(new Secrets("admin-secret-token-1"), new FakeTimeProvider()));
        var image = new DataContent(new byte[] { 1, 2, 3 }, "image/png");

        await client.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, "口令 admin-secret-token-1"),
                new ChatMessage(ChatRole.Assistant, "ADMIN-SECRET-TOKEN-1 是口令"),
                new ChatMessage(ChatRole.User, [new TextContent("看图 admin-secret-token-1"), image]),
            ],
            new ChatOptions { Instructions = "别说 admin-secret-token-1" });

        Assert.Equal(["口令 [已隐藏]", "[已隐藏] 是口令", "看图 [已隐藏]"], model.Messages.Select(message => message.Text));
        Assert.Same(image, model.Messages[2].Contents[1]);
        Assert.Equal("别说 [已隐藏]", model.Options!.Instructions);
    }

    [Fact]
    public async Task ASecretChangedOnAnotherInstanceIsRedactedWithinTheRefreshInterval()
    {
        var secrets = new Secrets("first-secret-token-01");
        var clock = new FakeTimeProvider();
        var redaction = new TextRedaction(secrets, clock);
        await redaction.RedactAsync("warm", CancellationToken.None);

        secrets.Values = ["second-secret-token-2"];
        var early = await redaction.RedactAsync("second-secret-token-2", CancellationToken.None);
        clock.Advance(TextRedaction.RefreshInterval);
        var late = await redaction.RedactAsync("second-secret-token-2", CancellationToken.None);

        Assert.Equal("second-secret-token-2", early);
        Assert.Equal("[已隐藏]", late);
    }

    private sealed class Secrets(params string[] values) : ISecretSource
    {
        public string[] Values { get; set; } = values;

        public Task<IReadOnlyList<string>> GetSecretsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(Values);
    }

    private sealed class RecordingChatClient : IChatClient
    {
        public List<ChatMessage> Messages { get; } = [];

        public ChatOptions? Options { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Messages.AddRange(messages);
            Options = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "好")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
