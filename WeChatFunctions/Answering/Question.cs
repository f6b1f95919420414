using WeChatFunctions.Limits;

namespace WeChatFunctions.Answering;

/// <summary>A follower's question, the admins' rules its charge is judged under, and how it was asked.</summary>
internal sealed record Question(string FollowerId, string Text, FollowerPolicy Policy, QuestionForm Form = QuestionForm.Typed);
