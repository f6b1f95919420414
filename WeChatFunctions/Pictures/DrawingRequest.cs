using WeChatFunctions.Limits;

namespace WeChatFunctions.Pictures;

/// <summary>A claimed <c>/画</c> request, as the generation answering it knows it.</summary>
/// <param name="Generation">0 for the claim's first owner; an instance that took the request over has a higher one.</param>
/// <param name="Policy">The admins' rules for the follower when the request was claimed here; <see langword="null"/> after a takeover.</param>
internal sealed record DrawingRequest(string FollowerId, string MessageId, DateTimeOffset AskedAt, int Generation, string Prompt, FollowerPolicy? Policy);
