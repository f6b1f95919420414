using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Embeds a document's chunks as an import's cost: held from <c>global_daily_token_limit</c> before the call, settled
/// to what the API counted after it, and added to the day's statistics.
/// </summary>
internal sealed class ImportEmbedding(KnowledgeEmbedder embedder, AccountBudget budget, QuotaDays days, StatisticsRecorder statistics, TimeProvider timeProvider)
{
    public async Task<(IReadOnlyList<float[]> Vectors, long Tokens)> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        var day = days.DayOf(at);
        var estimate = embedder.EstimateTokens(texts);
        if (!await budget.TryReserveAsync(day, estimate, cancellationToken))
        {
            throw new KnowledgeImportException($"今天的全局 token 额度不够嵌入这篇文档（约 {estimate} token）");
        }

        long used = 0;
        try
        {
            var embedded = await embedder.EmbedAsync(texts, cancellationToken);
            used = embedded.Tokens;
            statistics.Embedded(at, used);
            return embedded;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not KnowledgeImportException)
        {
            throw new KnowledgeImportException("嵌入模型调用失败：" + KnowledgeTexts.ProblemOf(exception), exception);
        }
        finally
        {
            budget.Settle(day, estimate, used);
        }
    }
}
