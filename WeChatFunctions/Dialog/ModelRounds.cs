using Microsoft.Extensions.AI;
using WeChatFunctions.Model;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Dialog;

/// <summary>
/// Streams the model's answer. With tools, each round's calls run through the question's ledger (recorded before the
/// next model call, never run twice) and their fenced results go back to the model, until it answers in text or the
/// rounds run out; the text of every round streams to the follower as it comes.
/// </summary>
internal sealed class ModelRounds(IChatClient chatClient, ILogger<ModelRounds> logger)
{
    public async Task StreamAsync(List<ChatMessage> messages, ChatOptions chatOptions, StreamedText answer, ToolSession? tools, CancellationToken cancellationToken)
    {
        while (true)
        {
            var calls = await StreamRoundAsync(messages, WithTools(chatOptions, tools, messages), answer, tools, cancellationToken);
            if (calls.Count == 0 || tools is null || !tools.MayCall || answer.IsFull)
            {
                return;
            }

            var round = new List<RecordedToolCall>(calls.Count);
            foreach (var (call, index) in calls.Select((call, index) => (call, index)))
            {
                var requested = new RecordedToolCall(tools.Round, index, call.CallId, call.Name, ToolPrompt.ArgumentsJson(call));
                round.Add(await tools.Ledger.RunAsync(requested, tools.Find(call.Name), cancellationToken));
            }

            messages.AddRange(ToolPrompt.Round(round));
            tools.NextRound();
        }
    }

    /// <returns>The calls the model asked for in this round; none when it answered in text.</returns>
    private async Task<List<FunctionCallContent>> StreamRoundAsync(
        List<ChatMessage> messages, ChatOptions chatOptions, StreamedText answer, ToolSession? tools, CancellationToken cancellationToken)
    {
        var calls = new List<FunctionCallContent>();
        var streamed = false;
        try
        {
            await foreach (var update in chatClient.GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
            {
                streamed |= !string.IsNullOrEmpty(update.Text);
                answer.Append(update.Text);
                answer.AddUsage(update.Contents.OfType<UsageContent>().LastOrDefault()?.Details);
                calls.AddRange(update.Contents.OfType<FunctionCallContent>());
                if (answer.IsFull)
                {
                    break;
                }
            }
        }
        catch (ModelException exception) when (exception.Failure == ModelFailure.Rejected && chatOptions.Tools is { Count: > 0 } && tools is not null && !streamed)
        {
            // Some models and compatible servers take no tools at all: ask again without them, once, and say so.
            DialogLog.ToolsRejected(logger, exception);
            tools.Rejected = true;
            return await StreamRoundAsync(messages, WithTools(chatOptions, tools, messages), answer, tools, cancellationToken);
        }

        return calls;
    }

    /// <summary>
    /// The options with the tools offered; in the last round they stay declared but may not be called. The
    /// instruction about quoted material goes only with results to read, so a question no tool touched costs no more.
    /// </summary>
    private static ChatOptions WithTools(ChatOptions chatOptions, ToolSession? tools, List<ChatMessage> messages)
    {
        if (tools is null || tools.Rejected)
        {
            return chatOptions.Tools is null ? chatOptions : CloneWithout(chatOptions);
        }

        var offered = chatOptions.Clone();
        offered.Tools = tools.Declarations;
        offered.ToolMode = tools.MayCall ? ChatToolMode.Auto : ChatToolMode.None;
        offered.AllowMultipleToolCalls = true;
        offered.Instructions = messages.Any(message => message.Role == ChatRole.Tool) ? ToolPrompt.Instruction : null;
        return offered;
    }

    private static ChatOptions CloneWithout(ChatOptions chatOptions)
    {
        var plain = chatOptions.Clone();
        plain.Tools = null;
        plain.ToolMode = null;
        plain.Instructions = null;
        return plain;
    }
}
