using WeChatFunctions.Limits;

namespace WeChatFunctions.Pictures;

/// <summary>One picture asked for: by whom, for which message, when, and of what.</summary>
/// <param name="MessageId">The message the picture is drawn for, which names its charge: a <c>/画</c> request, or the question whose answer calls <c>draw</c>.</param>
/// <param name="AskedAt">When the message first arrived; the picture counts on that quota day.</param>
/// <param name="Policy">The admins' rules for the follower, or <see langword="null"/> to read them.</param>
/// <param name="CountsTowardRate">Whether the request is a message of its own, which counts toward <c>rate_limit_per_minute</c>.</param>
internal sealed record PictureRequest(string FollowerId, string MessageId, DateTimeOffset AskedAt, string Prompt, FollowerPolicy? Policy, bool CountsTowardRate);
