using System.Collections.Concurrent;
using WeChatFunctions.Claims;

namespace WeChatFunctions.Answering;

/// <summary>The answers this instance is generating, or finished recently enough that retries may still ask for them.</summary>
internal sealed class LiveAnswerRegistry
{
    private readonly ConcurrentDictionary<MessageKey, LiveAnswer> _answers = new();

    /// <param name="textSoFar">What an earlier owner of a taken-over claim generated and saved.</param>
    public bool TryStart(MessageKey key, DateTimeOffset firstArrival, string textSoFar, out LiveAnswer answer)
    {
        answer = new LiveAnswer(firstArrival, textSoFar);
        return _answers.TryAdd(key, answer);
    }

    public bool TryGet(MessageKey key, out LiveAnswer answer) => _answers.TryGetValue(key, out answer!);

    public void Forget(MessageKey key, LiveAnswer answer) => _answers.TryRemove(KeyValuePair.Create(key, answer));
}
