using System.Text.RegularExpressions;
using WeChatFunctions.Text;

namespace WeChatFunctions.Admin;

/// <summary>
/// An admin command as the seed project defined it: three lines, <c>admin-command:{token}</c>, the command, and its
/// arguments.
/// </summary>
internal sealed partial record AdminCommand(string Token, string Name, string Arguments)
{
    public const string Prefix = "admin-command:";

    private static readonly char[] Openers = [.. "\"'`“‘「『《【〔〈([{<＂＇（［｛＜"];

    private static readonly char[] Closers = [.. "\"'`”’」』》】〕〉)]}>＂＇）］｝＞"];

    /// <summary>
    /// Recognises the command however it was typed or spoken: after <see cref="InboundText"/>'s normalisation, in any
    /// case, with any dash, underscore or space between the two words or none, with or without the colon, inside quotes
    /// or brackets. Whatever starts like one is handled as one, right token or not, so it never reaches the model. The
    /// token and the name are read normalised; the arguments are kept as typed, since they may be reply texts.
    /// </summary>
    public static bool TryParse(string content, out AdminCommand command)
    {
        command = null!;
        var lines = Unquoted(InboundText.WithoutFormatCharacters(content)).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var first = InboundText.Normalize(lines[0]);
        if (PrefixPattern().Match(first) is not { Success: true } prefix)
        {
            return false;
        }

        command = new AdminCommand(
            first[prefix.Length..].Trim(),
            lines.Length > 1 ? InboundText.Normalize(lines[1]).Trim().ToLowerInvariant() : "",
            string.Join('\n', lines.Skip(2)).Trim());
        return true;
    }

    /// <summary>The arguments split at commas (ASCII or Chinese), trimmed.</summary>
    public string[] ArgumentList => Arguments.Split([',', '，'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Quotes or brackets around the whole message are dropped: as many closing ones at the end as opening ones at the
    /// start, since arguments may end in one of their own.
    /// </summary>
    private static string Unquoted(string text)
    {
        var unquoted = text.Trim();
        var opened = 0;
        while (unquoted.Length > 0 && Openers.Contains(unquoted[0]))
        {
            unquoted = unquoted[1..].TrimStart();
            opened++;
        }

        for (; opened > 0 && unquoted.Length > 0 && Closers.Contains(unquoted[^1]); opened--)
        {
            unquoted = unquoted[..^1].TrimEnd();
        }

        return unquoted;
    }

    [GeneratedRegex(@"^admin[\p{Pd}\p{Pc}\s]*command\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
