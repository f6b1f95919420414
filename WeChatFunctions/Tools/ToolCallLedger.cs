using System.Text.Json;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Tools;

/// <summary>
/// Runs the tool calls of one question at most once each, however many instances answer it. A call is recorded
/// before it runs and again with its result, beside the question's reply claim. A call recorded already, by this
/// generation or one before it, is never run again: its result is reused, and a call whose instance died while it ran
/// is reported to the model as of unknown outcome.
/// </summary>
internal sealed class ToolCallLedger(IToolCallStore store, ToolRunner runner, ToolQuestion question, IReadOnlyList<RecordedToolCall> recorded, ILogger logger)
{
    /// <summary>What the model is told of a call that started on an instance that died before it stored the result.</summary>
    public const string UnknownOutcome = "这次调用的结果不明：执行它的实例中途停止了，工具可能已经执行，也可能没有。不要再次调用它；如需说明，请如实告诉用户结果不明。";

    /// <summary>Arguments are stored with the call; no real call needs more.</summary>
    private const int MaxArgumentCharacters = 8_000;

    private readonly List<RecordedToolCall> _calls = [.. recorded];

    /// <summary>The calls recorded when the question was taken over, which the model is shown again instead of asked for again.</summary>
    public IReadOnlyList<RecordedToolCall> Replayed { get; } = recorded;

    /// <summary>Every call of the question so far, replayed and run.</summary>
    public IReadOnlyList<RecordedToolCall> Calls => _calls;

    /// <summary>The next model call's round: the rounds replayed come first.</summary>
    public int NextRound => Replayed.Count == 0 ? 0 : Replayed.Max(call => call.Round) + 1;

    /// <summary>Runs a call the model asked for, unless the same call was recorded for this question already.</summary>
    /// <returns>The call with its result.</returns>
    public async Task<RecordedToolCall> RunAsync(RecordedToolCall requested, IAssistantTool? tool, CancellationToken cancellationToken)
    {
        if (_calls.FirstOrDefault(call => call.Repeats(requested.Name, requested.Arguments)) is { } earlier)
        {
            ToolsLog.CallReplayed(logger, question.MessageId, earlier.Round, earlier.Index, earlier.Name);
            return requested with { Result = earlier.Result ?? UnknownOutcome, Footnote = null, Failed = earlier.Failed };
        }

        if (requested.Arguments.Length > MaxArgumentCharacters)
        {
            return requested with { Result = "参数过长，没有调用。", Failed = true };
        }

        if (tool is null)
        {
            return requested with { Result = $"没有名为 {requested.Name} 的工具，请不要再调用它。", Failed = true };
        }

        RecordedToolCall? started;
        try
        {
            started = await store.TryStartAsync(question, requested with { Generation = question.Generation }, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ToolsLog.CallNotRecorded(logger, question.MessageId, requested.Round, requested.Index, requested.Name, exception);
            return requested with { Result = "工具暂时无法使用，这次没有调用。", Failed = true };
        }

        if (started is null)
        {
            ToolsLog.CallTakenElsewhere(logger, question.MessageId, requested.Round, requested.Index, requested.Name);
            return requested with { Result = UnknownOutcome, Failed = true };
        }

        var run = await runner.RunAsync(tool, new ToolInvocation(question.FollowerId, ArgumentsOf(requested.Arguments), question), cancellationToken);
        var finished = started with { Result = run.Text, Footnote = run.Footnote, Failed = run.Failed, Media = run.Media };
        _calls.Add(finished);
        try
        {
            await store.FinishAsync(question, finished, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ToolsLog.ResultNotRecorded(logger, question.MessageId, finished.Round, finished.Index, finished.Name, exception);
        }

        return finished;
    }

    /// <summary>The footnotes of the question's calls, each once, in order: replayed ones too, since the answer is written again.</summary>
    public IReadOnlyList<string> Footnotes => [.. _calls.Select(call => call.Footnote).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>The picture the question's calls made for the follower, replayed ones too; the last, when there were several.</summary>
    public AnswerMedia? Media => _calls.LastOrDefault(call => call.Media is not null)?.Media;

    private static JsonElement ArgumentsOf(string json)
    {
        try
        {
            return JsonElement.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (JsonException)
        {
            return JsonElement.Parse("{}");
        }
    }
}
