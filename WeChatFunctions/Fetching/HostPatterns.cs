namespace WeChatFunctions.Fetching;

/// <summary>Host patterns such as <c>*.qpic.cn</c> (the domain and any subdomain), <c>mmbiz.qpic.cn</c>, or <c>*</c>.</summary>
internal static class HostPatterns
{
    public static bool Allow(IReadOnlySet<string> patterns, string host) => patterns.Any(pattern => Matches(pattern, host));

    private static bool Matches(string pattern, string host) =>
        pattern == "*"
        || host.Equals(pattern, StringComparison.OrdinalIgnoreCase)
        || (pattern.StartsWith("*.", StringComparison.Ordinal)
            && (host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) || host.Equals(pattern[2..], StringComparison.OrdinalIgnoreCase)));
}
