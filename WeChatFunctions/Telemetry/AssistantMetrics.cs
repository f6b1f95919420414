using System.Diagnostics.Metrics;

namespace WeChatFunctions.Telemetry;

/// <summary>
/// The numbers an operator charts: messages, answers by the attempt that delivered them, model latency, tokens, and
/// refusals by reason. Exported to Application Insights as custom metrics under <see cref="MeterName"/>.
/// </summary>
internal sealed class AssistantMetrics
{
    public const string MeterName = "WeChatFunctions";

    private readonly Counter<long> _messages;
    private readonly Counter<long> _answers;
    private readonly Histogram<double> _modelDuration;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _refusals;

    public AssistantMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _messages = meter.CreateCounter<long>("wechat.messages", "{message}", "Signed pushes received, by message type.");
        _answers = meter.CreateCounter<long>("wechat.answers", "{answer}", "Answers delivered, by the WeChat attempt or 「继续」 that delivered their first page.");
        _modelDuration = meter.CreateHistogram<double>("wechat.model.duration", "s", "From the request to the end of one streamed completion, by outcome.");
        _tokens = meter.CreateCounter<long>("wechat.model.tokens", "{token}", "Tokens spent, by kind: prompt or completion.");
        _refusals = meter.CreateCounter<long>("wechat.refusals", "{refusal}", "Questions not answered by the model, by reason.");
    }

    /// <summary>A question or 「继续」 on its first arrival; WeChat's retries are not counted.</summary>
    public void MessageReceived() => _messages.Add(1);

    /// <param name="attempt">WeChat's attempt, 1 to 3, or <see langword="null"/> for a 「继续」.</param>
    public void AnswerDelivered(int? attempt) =>
        _answers.Add(1, new KeyValuePair<string, object?>("delivered_by", attempt is { } number ? $"attempt_{number}" : "continue"));

    public void ModelCalled(TimeSpan duration, bool succeeded) =>
        _modelDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "error"));

    public void TokensSpent(long promptTokens, long completionTokens)
    {
        _tokens.Add(promptTokens, new KeyValuePair<string, object?>("kind", "prompt"));
        _tokens.Add(completionTokens, new KeyValuePair<string, object?>("kind", "completion"));
    }

    public void Refused(RefusalReason reason) => _refusals.Add(1, new KeyValuePair<string, object?>("reason", Tag(reason)));

    private static string Tag(RefusalReason reason) => reason switch
    {
        RefusalReason.DailyQuestions => "daily_questions",
        RefusalReason.DailyTokens => "daily_tokens",
        RefusalReason.AccountTokens => "account_tokens",
        RefusalReason.RateLimited => "rate_limited",
        RefusalReason.QuestionModerated => "question_moderated",
        RefusalReason.AnswerModerated => "answer_moderated",
        RefusalReason.DailyPictures => "daily_pictures",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
