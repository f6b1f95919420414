namespace WeChatFunctions.Settings;

/// <summary>Reads the seed project's comma-separated list settings, such as <c>admin_user_ids</c>.</summary>
internal static class CommaSeparated
{
    public static IReadOnlySet<string> Parse(string? value) =>
        (value ?? "").Split([',', '，', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
}
