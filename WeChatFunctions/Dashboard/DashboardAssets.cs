using System.Collections.Frozen;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// The dashboard's stylesheet and scripts, embedded in the assembly (Dashboard/Assets): its own, and uPlot's, a small
/// charting library taken from npm (package.json) and served by the app, so the page loads nothing from elsewhere.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, byte[]> Files = typeof(DashboardAssets).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(name => name[Prefix.Length..], Read, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Files.Keys;

    /// <returns>The file, or <see langword="null"/> when the dashboard has none of that name.</returns>
    public static IResult? Serve(string name) => Files.TryGetValue(name, out var bytes)
        ? Results.Bytes(bytes, name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8")
        : null;

    private static byte[] Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream(name)!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
