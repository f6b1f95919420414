namespace WeChatFunctions.Tools;

/// <summary>Opens the ledger of a question's tool calls, with the calls recorded before when it was taken over.</summary>
internal sealed class ToolCalls(IToolCallStore store, ToolRunner runner, ILogger<ToolCallLedger> logger)
{
    /// <summary>A first generation reads nothing: no call of its question can be recorded yet, so it costs no storage call.</summary>
    public async Task<ToolCallLedger> OpenAsync(ToolQuestion question, CancellationToken cancellationToken)
    {
        var recorded = question.MayHaveRecords ? await store.ReadAsync(question, cancellationToken) : [];
        return new ToolCallLedger(store, runner, question, recorded, logger);
    }
}
