using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>
/// A question is answered only if its prompt and longest answer fit in what is left of a token budget; a budget no
/// bigger than <c>max_answer_tokens</c> would refuse every question.
/// </summary>
internal sealed class TokenBudgetValidator(IOptions<ModelOptions> model) : IValidateOptions<QuotaOptions>
{
    public ValidateOptionsResult Validate(string? name, QuotaOptions options)
    {
        var maxAnswerTokens = model.Value.MaxAnswerTokens;
        foreach (var (setting, budget) in new[] { ("daily_token_limit", options.DailyTokenLimit), ("global_daily_token_limit", options.GlobalDailyTokenLimit) })
        {
            if (budget > 0 && budget <= maxAnswerTokens)
            {
                return ValidateOptionsResult.Fail(
                    $"Setting '{setting}' must be 0 (no limit) or more than max_answer_tokens ({maxAnswerTokens}): each question reserves its prompt plus max_answer_tokens.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
