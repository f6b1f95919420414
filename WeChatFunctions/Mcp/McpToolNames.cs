using System.Globalization;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Mcp;

/// <summary>
/// Names the model calls MCP tools by: the server's name, an underscore and the tool's own name, so that two servers'
/// tools of one name stay apart, made to match OpenAI's rule for function names, <c>^[a-zA-Z0-9_-]{1,64}$</c>.
/// </summary>
internal static partial class McpToolNames
{
    public const int MaxLength = 64;

    /// <param name="taken">Names given already; a name that clashes with one (after cutting or replacing) gets a number.</param>
    public static string Assign(string server, string tool, ISet<string> taken)
    {
        var name = $"{server}_{Disallowed().Replace(tool, "_")}";
        var candidate = Fit(name, "");
        for (var number = 2; !taken.Add(candidate); number++)
        {
            candidate = Fit(name, string.Create(CultureInfo.InvariantCulture, $"_{number}"));
        }

        return candidate;
    }

    private static string Fit(string name, string suffix) => name[..Math.Min(name.Length, MaxLength - suffix.Length)] + suffix;

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex Disallowed();
}
