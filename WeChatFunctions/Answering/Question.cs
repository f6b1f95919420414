using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Answering;

/// <summary>A follower's question, the admins' rules its charge is judged under, and how it was asked.</summary>
/// <param name="Preface">What the answer starts with before the model's text (<see cref="AnswerPreface"/>), or nothing.</param>
/// <param name="Known">What the message's read of the follower's partition finds for the prompt: <see langword="null"/> when it failed.</param>
internal sealed record Question(string FollowerId, string Text, FollowerPolicy Policy, QuestionForm Form = QuestionForm.Typed, string Preface = "", Task<FollowerContext?>? Known = null);
