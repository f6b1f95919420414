using System.Collections.Concurrent;
using WeChatFunctions.Claims;

namespace WeChatFunctions.Answering;

/// <summary>The answers this instance is generating, or finished recently enough that retries may still ask for them.</summary>
internal sealed class LiveAnswerRegistry
{
    private readonly ConcurrentDictionary<MessageKey, LiveAnswer> _answers = new();

    public bool TryStart(MessageKey key, DateTimeOffset firstArrival, out LiveAnswer answer)
    {
        answer = new LiveAnswer(firstArrival);
        return _answers.TryAdd(key, answer);
    }

    public bool TryGet(MessageKey key, out LiveAnswer answer) => _answers.TryGetValue(key, out answer!);

    public void Forget(MessageKey key, LiveAnswer answer) => _answers.TryRemove(KeyValuePair.Create(key, answer));
}
