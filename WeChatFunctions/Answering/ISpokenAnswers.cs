using WeChatFunctions.Dialog;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>Answers spoken back (<c>voice_reply</c>), as the generator sees them; the Speech folder implements it.</summary>
internal interface ISpokenAnswers
{
    /// <summary>
    /// Speaks the answer of <paramref name="outcome"/> and uploads the voice, when the claim's question is one to answer
    /// aloud. Never throws for a failure of its own: the answer then goes as text.
    /// </summary>
    /// <returns>The voice that takes the place of the answer's text, or <see langword="null"/> for a text answer.</returns>
    Task<AnswerMedia?> SpeakAsync(ReplyClaim claim, DialogOutcome outcome, CancellationToken cancellationToken);
}
