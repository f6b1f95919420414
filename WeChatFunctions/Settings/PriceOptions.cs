using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>The model's prices, for the spend estimate in <c>get_stat</c> and the dashboard; none set means no estimate.</summary>
public sealed class PriceOptions
{
    [ConfigurationKeyName("price_per_1k_prompt_tokens")]
    public decimal PromptPer1K { get; set; }

    [ConfigurationKeyName("price_per_1k_completion_tokens")]
    public decimal CompletionPer1K { get; set; }

    /// <summary>The embedding model's price, for the knowledge base's embedding tokens.</summary>
    [ConfigurationKeyName("price_per_1k_embedding_tokens")]
    public decimal EmbeddingPer1K { get; set; }

    /// <summary>The price of one picture (<c>/画</c> or the <c>draw</c> tool) at <c>image_size</c>, as the image model bills it.</summary>
    [ConfigurationKeyName("price_per_image")]
    public decimal PerImage { get; set; }

    /// <summary>Only a label: USD for OpenAI, CNY for DeepSeek or Qwen, whatever the bill is in.</summary>
    [ConfigurationKeyName("price_currency")]
    public string Currency { get; set; } = "USD";

    public bool IsSet => PromptPer1K > 0 || CompletionPer1K > 0 || EmbeddingPer1K > 0 || PerImage > 0;

    public decimal CostOf(long promptTokens, long completionTokens, long embeddingTokens = 0) =>
        (promptTokens * PromptPer1K + completionTokens * CompletionPer1K + embeddingTokens * EmbeddingPer1K) / 1000m;
}
