using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>
/// Checked by hand: the data-annotation range for <see cref="decimal"/> needs a TypeConverter, which trimming
/// cannot keep.
/// </summary>
internal sealed class PriceOptionsValidator : IValidateOptions<PriceOptions>
{
    private const decimal MaxPrice = 1000m;

    public ValidateOptionsResult Validate(string? name, PriceOptions options) =>
        options.PromptPer1K is < 0 or > MaxPrice ? ValidateOptionsResult.Fail($"Setting 'price_per_1k_prompt_tokens' must be between 0 and {MaxPrice}.")
        : options.CompletionPer1K is < 0 or > MaxPrice ? ValidateOptionsResult.Fail($"Setting 'price_per_1k_completion_tokens' must be between 0 and {MaxPrice}.")
        : options.EmbeddingPer1K is < 0 or > MaxPrice ? ValidateOptionsResult.Fail($"Setting 'price_per_1k_embedding_tokens' must be between 0 and {MaxPrice}.")
        : options.PerImage is < 0 or > MaxPrice ? ValidateOptionsResult.Fail($"Setting 'price_per_image' must be between 0 and {MaxPrice}.")
        : ValidateOptionsResult.Success;
}
