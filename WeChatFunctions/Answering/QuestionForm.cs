namespace WeChatFunctions.Answering;

/// <summary>How a question was asked, which decides what its answer is: stored with the claim, so a takeover knows too.</summary>
internal enum QuestionForm
{
    /// <summary>Typed, a menu button, or a shared link: answered in text.</summary>
    Typed,

    /// <summary>Spoken: the question is what was heard, and the answer may be spoken back (<c>voice_reply</c>).</summary>
    Spoken,

    /// <summary>A picture request (<c>/画</c>): the question is the picture's description, and the answer is the picture.</summary>
    Drawing,
}
