namespace WeChatFunctions.Limits;

internal static partial class LimitsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Leased {Tokens} tokens of the account's budget for {Day}.")]
    public static partial void BlockLeased(ILogger logger, string day, long tokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave back {Tokens} unspent tokens of the account's budget for {Day} (negative: spent beyond the lease).")]
    public static partial void BlockReturned(ILogger logger, string day, long tokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give back {Tokens} tokens of the account's budget for {Day}; they stay leased for the day.")]
    public static partial void BlockNotReturned(ILogger logger, string day, long tokens, Exception exception);
}
