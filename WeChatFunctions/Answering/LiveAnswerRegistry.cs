using System.Collections.Concurrent;
using WeChatFunctions.Claims;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Answering;

/// <summary>The answers this instance is generating, or finished recently enough that retries may still ask for them.</summary>
internal sealed class LiveAnswerRegistry(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<MessageKey, LiveAnswer> _answers = new();

    /// <param name="textSoFar">What an earlier owner of a taken-over claim generated and saved.</param>
    public bool TryStart(MessageKey key, DateTimeOffset firstArrival, string textSoFar, out LiveAnswer answer)
    {
        answer = new LiveAnswer(firstArrival, textSoFar);
        return _answers.TryAdd(key, answer);
    }

    public bool TryGet(MessageKey key, out LiveAnswer answer) => _answers.TryGetValue(key, out answer!);

    /// <summary>Retries of a finished answer on this instance are served from memory until WeChat has stopped retrying.</summary>
    public async Task ForgetAfterRetriesAsync(MessageKey key, LiveAnswer answer, CancellationToken stopping)
    {
        await Task.Delay(WeChatRetries.Window, timeProvider, stopping).ContinueWith(static _ => { }, TaskScheduler.Default);
        _answers.TryRemove(KeyValuePair.Create(key, answer));
    }
}
