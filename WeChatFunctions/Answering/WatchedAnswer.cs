using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>What a watcher saw of an answer: ready, still in progress at the deadline, or abandoned by its instance.</summary>
/// <param name="Claim">The stored claim, when the answer was watched in storage rather than in memory.</param>
internal sealed record WatchedAnswer(AnswerSnapshot Snapshot, WatchedState State, ReplyClaim? Claim = null);

internal enum WatchedState
{
    Ready,
    InProgress,

    /// <summary>Generating on an instance that stopped saving progress for longer than the claim timeout.</summary>
    Abandoned,
}
