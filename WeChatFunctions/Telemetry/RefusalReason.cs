namespace WeChatFunctions.Telemetry;

/// <summary>Why a question got no answer from the model, as the <c>reason</c> of the <c>wechat.refusals</c> metric.</summary>
internal enum RefusalReason
{
    DailyQuestions,
    DailyTokens,
    AccountTokens,
    RateLimited,
    QuestionModerated,
    AnswerModerated,
    DailyPictures,
}
