using WeChatFunctions.Answering;

namespace WeChatFunctions.Messages;

/// <summary>How a follower's text reached the app: typed, or spoken and transcribed by WeChat or by the app itself.</summary>
/// <param name="FirstArrival">For a voice the app heard, when its first attempt arrived: it is claimed only once heard.</param>
/// <param name="ShowsTranscript">Whether the answer starts with what the app heard (<c>show_transcript</c>).</param>
internal sealed record Utterance(QuestionForm Form, DateTimeOffset? FirstArrival = null, bool ShowsTranscript = false)
{
    public static readonly Utterance Typed = new(QuestionForm.Typed);

    /// <summary>A voice with WeChat's own recognition: the follower saw nothing of it, so nothing is shown back.</summary>
    public static readonly Utterance RecognisedByWeChat = new(QuestionForm.Spoken);

    public static Utterance HeardByTheApp(DateTimeOffset firstArrival, bool showsTranscript) => new(QuestionForm.Spoken, firstArrival, showsTranscript);

    /// <param name="question">The question as it goes to the model, admin tokens hidden.</param>
    public string PrefaceFor(string question) => ShowsTranscript ? AnswerPreface.Heard(question) : "";
}
