namespace WeChatFunctions.Limits;

/// <summary>The tokens the whole account used on a day, for <c>global_daily_token_limit</c>.</summary>
internal interface IAccountTokens
{
    Task<long> TokensOnAsync(string day, CancellationToken cancellationToken);
}
