using System.Text.RegularExpressions;

namespace WeChatFunctions.Admin;

/// <summary>
/// An admin command as the seed project defined it: three lines, <c>admin-command:{token}</c>, the command, and its
/// arguments.
/// </summary>
internal sealed partial record AdminCommand(string Token, string Name, string Arguments)
{
    public const string Prefix = "admin-command:";

    /// <summary>
    /// Recognises the command as a person types it on a phone: in any case, with a full-width colon, with white space
    /// around it. Whatever looks like one is handled as one, right token or not, so it never reaches the model.
    /// </summary>
    public static bool TryParse(string content, out AdminCommand command)
    {
        command = null!;
        var lines = content.Trim().Replace("\r", "", StringComparison.Ordinal).Split('\n');
        if (PrefixPattern().Match(lines[0]) is not { Success: true } prefix)
        {
            return false;
        }

        command = new AdminCommand(
            lines[0][prefix.Length..].Trim(),
            lines.Length > 1 ? lines[1].Trim().ToLowerInvariant() : "",
            string.Join('\n', lines.Skip(2)).Trim());
        return true;
    }

    /// <summary>The arguments split at commas (ASCII or Chinese), trimmed.</summary>
    public string[] ArgumentList => Arguments.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^admin-command\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
