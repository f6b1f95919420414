using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Architecture;

/// <summary>The production source files, each with its folder, its namespace and the app namespaces it uses.</summary>
internal static partial class SourceTree
{
    public static string ProductionRoot { get; } = Path.Combine(RepositoryRoot.Path, "WeChatFunctions");

    public static IReadOnlyList<SourceFile> ProductionFiles { get; } = Read(ProductionRoot);

    public static IReadOnlyList<SourceFile> Read(string root) =>
        [.. Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => SourceFile.Parse(root, path))];

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

internal sealed partial record SourceFile(string RelativePath, string Folder, string? Namespace, IReadOnlySet<string> UsedFolders, int LineCount)
{
    public static SourceFile Parse(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var text = File.ReadAllText(path);
        var folder = Path.GetDirectoryName(relative) is { Length: > 0 } directory ? directory.Split(Path.DirectorySeparatorChar)[0] : "";
        var declared = NamespaceLine().Match(text) is { Success: true } match ? match.Groups[1].Value : null;
        // A fully qualified use (WeChatFunctions.Limits.Quota) is a dependency as much as a using line is.
        var used = AppNamespaceUse().Matches(text).Select(use => use.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        used.Remove(folder);
        return new SourceFile(relative, folder, declared, used, text.Split('\n').Length);
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"(?<![\w.])WeChatFunctions\.(\w+)")]
    private static partial Regex AppNamespaceUse();
}
