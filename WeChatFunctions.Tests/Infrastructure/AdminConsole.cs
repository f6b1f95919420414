namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Sends admin commands in the seed's three-line format, as an admin types them into WeChat.</summary>
public sealed class AdminConsole(WeChatClient weChat, string adminId, string token)
{
    /// <summary>A console for a new admin, with the token the test app starts with.</summary>
    public static AdminConsole NewAdmin(WeChatClient weChat) => new(weChat, WeChatClient.NewFollowerId(), WeChatApplication.AdminToken);

    public Task<string> RunAsync(string command, string arguments = "") =>
        weChat.AskAsync(adminId, $"admin-command:{token}\n{command}\n{arguments}");

    /// <summary>Polls <c>get_stat</c> until <paramref name="expected"/> shows: each instance writes its statistics every second.</summary>
    public Task<string> StatisticsShowingAsync(string expected) =>
        StatisticsWhenAsync(statistics => statistics.Contains(expected, StringComparison.Ordinal));

    /// <summary>
    /// Reads get_stat until <paramref name="settled"/> holds, for at most 15 s: get_stat writes the figures of the
    /// instance it runs on, and every other instance writes its own every second.
    /// </summary>
    public async Task<string> StatisticsWhenAsync(Func<string, bool> settled)
    {
        var statistics = "";
        for (var attempt = 0; attempt < 150 && !settled(statistics); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100);
            statistics = await RunAsync("get_stat");
        }

        return statistics;
    }
}
