using WeChatFunctions.Dialog;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>What a message reads of its follower's replies before answering, in one query.</summary>
/// <param name="Undelivered">Questions whose answers no reply has shown yet.</param>
/// <param name="Context">What the same query found for the prompt, when the store reads it with them.</param>
internal sealed record FollowerReplies(IReadOnlyList<ReplyClaim> Undelivered, ReadingPosition Position, FollowerContext? Context = null);
