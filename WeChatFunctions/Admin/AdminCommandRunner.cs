using System.Globalization;
using System.Text.RegularExpressions;
using WeChatFunctions.Dialog;
using WeChatFunctions.Keywords;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Limits;
using WeChatFunctions.Statistics;
using WeChatFunctions.Text;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Admin;

/// <summary>
/// Runs admin commands. They are answered directly: they never reach the model and are never stored in a conversation.
/// A command with bad arguments gets its usage and changes nothing.
/// </summary>
internal sealed partial class AdminCommandRunner(
    AdminGate gate,
    AdminTokens tokens,
    IAdminStore store,
    IConversationStore conversations,
    AdminConfigView config,
    StatisticsView statistics,
    FollowerView followers,
    AdminAuditLog audit,
    WeChatApiHealth weChatApi,
    KeywordAdministration keywords,
    KnowledgeAdministration knowledge,
    IDashboardLinks dashboard,
    TimeProvider timeProvider)
{
    private const int DefaultAuditEntries = 10;

    /// <summary>Runs the command, or refuses it, and records either in the audit log (see <see cref="AdminAuditLog"/>).</summary>
    public async Task<string> RunAsync(string senderId, AdminCommand command, CancellationToken cancellationToken)
    {
        var at = timeProvider.GetUtcNow();
        var verdict = await gate.JudgeAsync(senderId, command.Token, at, cancellationToken);
        var reply = verdict == AdminVerdict.Admitted ? await RunAdmittedAsync(command, cancellationToken) : AdminTexts.Refused;
        await audit.RecordAsync(at, senderId, command, verdict, reply, cancellationToken);
        return reply;
    }

    private async Task<string> RunAdmittedAsync(AdminCommand command, CancellationToken cancellationToken)
    {
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
            "set_token" when TokenShape().IsMatch(command.Arguments) => await DoneAsync(tokens.ReplaceAsync(command.Arguments, cancellationToken)),
            "get_user" when IsOpenId(command.Arguments) => await followers.RenderAsync(command.Arguments, cancellationToken),
            "get_config" => await config.RenderAsync(cancellationToken),
            "get_stat" => await statistics.RenderAsync(cancellationToken) + (await weChatApi.DescribeAsync(cancellationToken) is { } api ? "\n" + api : ""),
            "get_audit" when TryAuditCount(command.Arguments, out var count) => await audit.RenderAsync(count, cancellationToken),
            "add_keyword" => await keywords.AddAsync(command.Arguments, cancellationToken) switch
            {
                (true, var added) => added,
                (_, var problem) => $"无法添加：{problem}。\n{AdminTexts.Usage(command.Name)}",
            },
            "remove_keyword" when command.Arguments.Length > 0 =>
                await keywords.RemoveAsync(command.Arguments, cancellationToken) ?? $"没有编号或第一个触发词是「{command.Arguments}」的关键词回复（keywords_file 中的规则请在文件里修改）。",
            "list_keywords" => await keywords.ListAsync(cancellationToken),
            "test_keyword" when command.Arguments.Length > 0 => await keywords.TestAsync(command.Arguments, cancellationToken),
            "kb_add" when await knowledge.AddAsync(command.Arguments, cancellationToken) is { } added => added,
            "kb_list" => await knowledge.ListAsync(cancellationToken),
            "kb_remove" when command.Arguments.Length > 0 =>
                await knowledge.RemoveAsync(command.Arguments, cancellationToken) ?? $"知识库里没有编号、链接或路径是「{command.Arguments}」的文档。",
            "kb_stats" => await knowledge.StatsAsync(cancellationToken),
            "kb_import_published" => knowledge.ImportPublished(),
            "dashboard" => await dashboard.IssueAsync(cancellationToken),
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

    private static bool TryAuditCount(string argument, out int count)
    {
        count = DefaultAuditEntries;
        return argument.Length == 0
            || (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= AdminAuditLog.MaxEntries);
    }

    /// <summary>WeChat OpenIDs are 28 characters of letters, digits, '-' and '_'; some test accounts differ in length.</summary>
    private static bool IsOpenId(string value) => OpenIdShape().IsMatch(value);

    private static bool TryLimit(string value, out int limit) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit <= 1_000_000;

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex OpenIdShape();

    [GeneratedRegex(@"^\S{16,64}$")]
    private static partial Regex TokenShape();
}
