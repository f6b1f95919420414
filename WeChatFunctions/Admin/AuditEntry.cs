namespace WeChatFunctions.Admin;

/// <summary>One admin command as run or refused: who, what, when, and the outcome. Secrets in arguments are masked.</summary>
internal sealed record AuditEntry(DateTimeOffset At, string SenderId, string Command, string Arguments, string Result);
