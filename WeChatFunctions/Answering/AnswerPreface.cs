using WeChatFunctions.Text;

namespace WeChatFunctions.Answering;

/// <summary>
/// What the app writes before the model's answer: for a voice the app transcribed itself, 「（听到：…）」, so that the
/// follower sees what was heard. It is the answer's text from the moment the claim is made, so every page, push,
/// 「继续」 and takeover shows it as it shows the rest; yet it is never the model's: the history keeps what the model
/// wrote, and a takeover hands the model only its own part to go on from.
/// </summary>
internal static class AnswerPreface
{
    /// <summary>A longer transcript is cut, with an ellipsis: the follower knows what they said, and only needs to recognise it.</summary>
    public const int MaxHeardCharacters = 60;

    /// <param name="heard">The question as heard, admin tokens already hidden.</param>
    public static string Heard(string heard) =>
        $"（听到：{ShortText.Of(heard.ReplaceLineEndings(" "), MaxHeardCharacters)}）\n\n";

    /// <summary>The part of a claim's answer so far that the model wrote, without the preface a transcribed voice's claim starts with.</summary>
    public static string ModelsPart(ReplyClaim claim) =>
        claim is { Form: QuestionForm.Spoken, Question: { } heard } && claim.Answer.Text.StartsWith(Heard(heard), StringComparison.Ordinal)
            ? claim.Answer.Text[Heard(heard).Length..]
            : claim.Answer.Text;
}
