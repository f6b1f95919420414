using WeChatFunctions.Images;

namespace WeChatFunctions.Dialog;

/// <summary>
/// What the message's one read of the follower's partition found for the prompt, so that recalling it costs no
/// storage call of its own: the current session's newest turns, newest first, up to <c>max_context_tokens</c>, and the
/// pending image.
/// </summary>
/// <param name="ImageStoredApart">An image too large for its row is pending: its bytes are fetched from Blob Storage when recalled.</param>
internal sealed record FollowerContext(IReadOnlyList<ConversationTurn> Turns, PendingImage? Image, bool ImageStoredApart);
