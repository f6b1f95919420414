namespace WeChatFunctions.Admin;

/// <summary>
/// An admin command as the seed project defined it: three lines, <c>admin-command:{token}</c>, the command, and its
/// arguments.
/// </summary>
internal sealed record AdminCommand(string Token, string Name, string Arguments)
{
    public const string Prefix = "admin-command:";

    public static bool TryParse(string content, out AdminCommand command)
    {
        command = null!;
        var lines = content.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (!lines[0].StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        command = new AdminCommand(
            lines[0][Prefix.Length..].Trim(),
            lines.Length > 1 ? lines[1].Trim().ToLowerInvariant() : "",
            string.Join('\n', lines.Skip(2)).Trim());
        return true;
    }

    /// <summary>The arguments split at commas (ASCII or Chinese), trimmed.</summary>
    public string[] ArgumentList => Arguments.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
