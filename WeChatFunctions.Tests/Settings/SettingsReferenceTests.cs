using System.Text.RegularExpressions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Settings;

/// <summary>docs/settings.md lists exactly the settings the app reads: none missing, none that does nothing.</summary>
public sealed partial class SettingsReferenceTests
{
    private static readonly string[] FoldersThatReadSettings = ["Settings", "Functions"];

    [Fact]
    public void EverySettingTheAppReadsIsDocumentedAndEveryDocumentedSettingIsRead()
    {
        var read = SettingsTheAppReads();
        var documented = DocumentedSettings();

        Assert.Empty(read.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(read).Order(StringComparer.Ordinal));
        Assert.Contains("wechat_token", read);
    }

    /// <summary>
    /// Options properties by their key name, and settings read by name in Settings/ or resolved by the Functions host
    /// in a trigger attribute (<c>%cleanup_schedule%</c>), each a constant named for what it is.
    /// </summary>
    private static HashSet<string> SettingsTheAppReads()
    {
        var production = Path.Combine(RepositoryRoot.Path, "WeChatFunctions");
        var sources = FoldersThatReadSettings
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(production, folder), "*.cs"))
            .Select(File.ReadAllText)
            .ToList();
        return
        [
            .. sources.SelectMany(text => KeyName().Matches(text)).Select(match => match.Groups[1].Value),
            .. sources.SelectMany(text => SettingConstant().Matches(text)).Select(match => match.Groups[1].Value),
        ];
    }

    private static HashSet<string> DocumentedSettings() =>
        [.. TableRow().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "settings.md"))).Select(match => match.Groups[1].Value)];

    [GeneratedRegex("""ConfigurationKeyName\("([^"]+)"\)""")]
    private static partial Regex KeyName();

    [GeneratedRegex("""const string \w*Setting\w* = "([^"]+)";""")]
    private static partial Regex SettingConstant();

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
