using System.Text.RegularExpressions;

namespace WeChatFunctions.Settings;

/// <summary>Reads <c>mcp_servers</c>: <c>name=url</c> pairs, comma-separated, such as <c>orders=https://orders.example.com/mcp</c>.</summary>
internal static partial class McpServerEntries
{
    /// <returns>The entries in the order given, or the one line that refuses the setting.</returns>
    public static (IReadOnlyList<(string Name, Uri Endpoint)> Entries, string? Problem) Parse(string? value)
    {
        var entries = new List<(string Name, Uri Endpoint)>();
        foreach (var entry in (value ?? "").Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Problem(entry, entries) is { } problem)
            {
                return ([], problem);
            }

            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            entries.Add((entry[..separator].Trim(), new Uri(entry[(separator + 1)..].Trim())));
        }

        return (entries, null);
    }

    private static string? Problem(string entry, List<(string Name, Uri Endpoint)> earlier)
    {
        var separator = entry.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            return "Setting 'mcp_servers' must be name=url pairs, comma-separated, such as orders=https://orders.example.com/mcp.";
        }

        var name = entry[..separator].Trim();
        if (!ServerName().IsMatch(name))
        {
            return $"Setting 'mcp_servers' has a server name that is not 1 to 20 letters, digits or underscores starting with a letter or digit: '{name}'.";
        }

        if (earlier.Exists(server => server.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            return $"Setting 'mcp_servers' names the server '{name}' twice.";
        }

        // The URL itself is not repeated: an operator may have put a key in it.
        return Uri.TryCreate(entry[(separator + 1)..].Trim(), UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp)
            ? null
            : $"Setting 'mcp_servers' gives the server '{name}' a URL that is not an absolute http or https URL.";
    }

    /// <summary>Names become part of setting names (<c>mcp_{name}_token</c>), which app settings and environment variables must allow, and prefix tool names.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_]{0,19}$")]
    private static partial Regex ServerName();
}
