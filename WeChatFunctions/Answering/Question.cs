using WeChatFunctions.Limits;

namespace WeChatFunctions.Answering;

/// <summary>A follower's question, and the admins' rules its charge is judged under.</summary>
internal sealed record Question(string FollowerId, string Text, FollowerPolicy Policy);
