using System.Globalization;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Statistics;

/// <summary>The estimated spend of recorded figures at the operator's prices, as <c>get_stat</c> and the dashboard show it.</summary>
internal static class SpendEstimate
{
    /// <summary>Prompt, completion and the knowledge base's embedding tokens, each at its price, and the pictures drawn.</summary>
    public static decimal Of(DailyStatistics figures, PriceOptions prices) =>
        prices.CostOf(figures.PromptTokens, figures.CompletionTokens, figures.EmbeddingTokens) + figures.Pictures * prices.PerImage;

    /// <summary>To a ten-thousandth, whatever the currency: a quiet day costs fractions of a cent.</summary>
    public static string Text(decimal amount) => amount.ToString("0.0000", CultureInfo.InvariantCulture);
}
