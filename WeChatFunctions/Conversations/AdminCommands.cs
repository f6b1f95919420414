using System.Globalization;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Conversations;

/// <summary>
/// Runs admin commands. They are answered directly: they never reach the model and are never stored in a conversation.
/// A command with bad arguments gets its usage and changes nothing.
/// </summary>
internal sealed partial class AdminCommands(
    AdminGate gate,
    IAdminStore store,
    IConversationStore conversations,
    Quota quota,
    AdminConfigView config,
    StatisticsView statistics,
    IAuditStore audit,
    TimeProvider timeProvider,
    ILogger<AdminCommands> logger)
{
    private const int DefaultAuditEntries = 10;
    private const int MaxAuditEntries = 50;

    /// <summary>Runs the command, or refuses it, and records either in the audit log.</summary>
    public async Task<string> RunAsync(string senderId, AdminCommand command, CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        var admitted = await gate.AdmitsAsync(senderId, command.Token, at, cancellationToken);
        var reply = admitted ? await RunAdmittedAsync(command, cancellationToken) : AdminTexts.Refused;
        if (!admitted)
        {
            ConversationLog.AdminCommandRefused(logger);
        }

        await AuditAsync(new AuditEntry(at, senderId, command.Name, AuditedArguments(command), admitted ? FirstLine(reply) : "拒绝"), cancellationToken);
        return reply;
    }

    private async Task<string> RunAdmittedAsync(AdminCommand command, CancellationToken cancellationToken)
    {
        ConversationLog.AdminCommandRun(logger, command.Name);
        var arguments = command.ArgumentList;
        return command.Name switch
        {
            "help" => AdminTexts.Help,
            "add_white_list" => await ForFollowerAsync(command, id => store.ChangePolicyAsync(id, new(WhiteListed: true), cancellationToken)),
            "remove_white_list" => await ForFollowerAsync(command, id => store.ChangePolicyAsync(id, new(WhiteListed: false), cancellationToken)),
            "block" => await ForFollowerAsync(command, id => store.ChangePolicyAsync(id, new(Blocked: true), cancellationToken)),
            "unblock" => await ForFollowerAsync(command, id => store.ChangePolicyAsync(id, new(Blocked: false), cancellationToken)),
            "reset_session" => await ForFollowerAsync(command, id => conversations.StartSessionAsync(id, cancellationToken)),
            "list_white_list" => await ListWhiteListAsync(cancellationToken),
            "set_limit" when arguments is [var id, var limit] && IsOpenId(id) && TryLimit(limit, out var dailyLimit) =>
                await DoneAsync(store.ChangePolicyAsync(id, new(DailyLimit: dailyLimit), cancellationToken)),
            "set_default_limit" when arguments is [var limit] && TryLimit(limit, out var dailyLimit) =>
                await DoneAsync(store.SetDefaultLimitAsync(dailyLimit, cancellationToken)),
            "set_token" when TokenShape().IsMatch(command.Arguments) => await DoneAsync(store.SetTokenAsync(command.Arguments, cancellationToken)),
            "get_user" when IsOpenId(command.Arguments) => await DescribeFollowerAsync(command.Arguments, cancellationToken),
            "get_config" => await config.RenderAsync(cancellationToken),
            "get_stat" => await statistics.RenderAsync(cancellationToken),
            "get_audit" when TryAuditCount(command.Arguments, out var count) => await RenderAuditAsync(count, cancellationToken),
            var name when AdminTexts.Commands.Any(known => known.Name == name) => AdminTexts.Usage(name),
            var name => AdminTexts.Unknown(name),
        };
    }

    private static async Task<string> ForFollowerAsync(AdminCommand command, Func<string, Task> change)
    {
        if (!IsOpenId(command.Arguments))
        {
            return AdminTexts.Usage(command.Name);
        }

        await change(command.Arguments);
        return AdminTexts.Done;
    }

    private static async Task<string> DoneAsync(Task change)
    {
        await change;
        return AdminTexts.Done;
    }

    private async Task<string> ListWhiteListAsync(CancellationToken cancellationToken)
    {
        var followers = await store.ListWhiteListedAsync(cancellationToken);
        return followers.Count == 0 ? "白名单为空（不含配置项 white_list_user_ids）。" : $"白名单（{followers.Count} 人）：\n" + string.Join('\n', followers);
    }

    private async Task<string> DescribeFollowerAsync(string followerId, CancellationToken cancellationToken)
    {
        var policy = await store.GetPolicyAsync(followerId, cancellationToken);
        var used = await quota.TodayAsync(followerId, cancellationToken);
        var limit = quota.LimitOf(followerId, policy);
        var tokenLimit = quota.TokenLimitOf(followerId, policy);
        var lastSeen = await conversations.LastTurnAtAsync(followerId, cancellationToken);
        return string.Join('\n',
            $"用户 {followerId}",
            $"今日已问：{used.Questions} 次，限额：{(limit == 0 ? "不限" : limit.ToString(CultureInfo.InvariantCulture))}",
            $"今日 token：{used.PromptTokens}+{used.CompletionTokens}，限额：{(tokenLimit == 0 ? "不限" : tokenLimit.ToString(CultureInfo.InvariantCulture))}",
            $"白名单：{(quota.IsWhiteListed(followerId, policy) ? "是" : "否")}，已禁用：{(policy.Blocked ? "是" : "否")}",
            $"最近对话：{(lastSeen is { } at ? AdminTexts.BeijingTime(at, "yyyy-MM-dd HH:mm") + "（北京时间）" : "无")}");
    }

    /// <summary>A failed audit write is logged, and the command's reply still goes out.</summary>
    private async Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AddAsync(entry, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ConversationLog.AuditNotRecorded(logger, exception);
        }
    }

    private async Task<string> RenderAuditAsync(int count, CancellationToken cancellationToken)
    {
        var entries = await audit.LatestAsync(count, cancellationToken);
        return entries.Count == 0
            ? "还没有管理操作记录。"
            : $"最近 {entries.Count} 条管理操作（北京时间）：\n" + string.Join('\n', entries.Select(entry =>
                $"{AdminTexts.BeijingTime(entry.At, "MM-dd HH:mm:ss")} {entry.SenderId} {entry.Command} {entry.Arguments}".TrimEnd() + $" → {entry.Result}"));
    }

    /// <summary>A new admin token must never be written anywhere readable, not even the audit log.</summary>
    private static string AuditedArguments(AdminCommand command) =>
        command.Name == "set_token" && command.Arguments.Length > 0 ? "***" : ShortText.Of(command.Arguments, 100);

    private static string FirstLine(string reply) => ShortText.Of(reply.Split('\n')[0], 60);

    private static bool TryAuditCount(string argument, out int count)
    {
        count = DefaultAuditEntries;
        return argument.Length == 0
            || (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MaxAuditEntries);
    }

    /// <summary>WeChat OpenIDs are 28 characters of letters, digits, '-' and '_'; some test accounts differ in length.</summary>
    private static bool IsOpenId(string value) => OpenIdShape().IsMatch(value);

    private static bool TryLimit(string value, out int limit) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit <= 1_000_000;

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex OpenIdShape();

    [GeneratedRegex(@"^\S{6,64}$")]
    private static partial Regex TokenShape();
}
