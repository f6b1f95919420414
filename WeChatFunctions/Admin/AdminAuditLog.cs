using WeChatFunctions.Text;

namespace WeChatFunctions.Admin;

/// <summary>
/// Every admin command, run or refused, with who, what, when and the result, in the audit table and the app log. A
/// follower locked out by <see cref="AdminGate"/> is only logged, so a flood of guesses leaves at most
/// <see cref="AdminGate.MaxFailures"/> rows an hour; command names are cut to <see cref="MaxCommandName"/> characters.
/// </summary>
internal sealed class AdminAuditLog(IAuditStore audit, ILogger<AdminAuditLog> logger)
{
    /// <summary>Fifty entries are about what fits in one WeChat message once cut at 2048 bytes.</summary>
    public const int MaxEntries = 50;

    /// <summary>Longer than any command's name; a longer one is a guess or noise, not worth a table cell.</summary>
    public const int MaxCommandName = 32;

    /// <param name="reply">The command's reply; only an admitted command's is recorded.</param>
    public async Task RecordAsync(DateTimeOffset at, string senderId, AdminCommand command, AdminVerdict verdict, string reply, CancellationToken cancellationToken)
    {
        var name = ShortText.Of(command.Name, MaxCommandName);
        if (verdict != AdminVerdict.Admitted)
        {
            AdminLog.AdminCommandRefused(logger);
            if (verdict == AdminVerdict.LockedOut)
            {
                return;
            }

            // A refused command may be a guess, with anything in its arguments: only its name is kept.
            await AddAsync(new AuditEntry(at, senderId, name, "", "拒绝"), cancellationToken);
            return;
        }

        AdminLog.AdminCommandRun(logger, name);
        await AddAsync(new AuditEntry(at, senderId, name, AuditedArguments(command), FirstLine(reply)), cancellationToken);
    }

    public async Task<string> RenderAsync(int count, CancellationToken cancellationToken)
    {
        var entries = await audit.LatestAsync(count, cancellationToken);
        return entries.Count == 0
            ? "还没有管理操作记录。"
            : $"最近 {entries.Count} 条管理操作（北京时间）：\n" + string.Join('\n', entries.Select(entry =>
                $"{AdminTexts.BeijingTime(entry.At, "MM-dd HH:mm:ss")} {entry.SenderId} {entry.Command} {entry.Arguments}".TrimEnd() + $" → {entry.Result}"));
    }

    /// <summary>A failed audit write is logged, and the command's reply still goes out.</summary>
    private async Task AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AddAsync(entry, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            AdminLog.AuditNotRecorded(logger, exception);
        }
    }

    /// <summary>A new admin token must never be written anywhere readable, not even the audit log.</summary>
    private static string AuditedArguments(AdminCommand command) =>
        command.Name == "set_token" && command.Arguments.Length > 0 ? "***" : ShortText.Of(command.Arguments, 100);

    private static string FirstLine(string reply) => ShortText.Of(reply.Split('\n')[0], 60);
}
