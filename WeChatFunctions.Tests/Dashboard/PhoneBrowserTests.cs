namespace WeChatFunctions.Tests.Dashboard;

/// <summary>Which browser the dashboard's browser test drives on a new machine.</summary>
public sealed class PhoneBrowserTests : IDisposable
{
    private readonly string _machine = Directory.CreateTempSubdirectory("wechatfunctions-browser-").FullName;

    [Fact]
    public void CHROME_BINComesFirstThenChromiumOrChromeOnThePath()
    {
        var configured = Install("bin-a", "my-chrome");
        var chrome = Install("bin-b", "google-chrome");
        var path = string.Join(Path.PathSeparator, Path.Combine(_machine, "bin-a"), Path.Combine(_machine, "bin-b"));

        Assert.Equal(configured, PhoneBrowser.Find(new Dictionary<string, string?> { ["CHROME_BIN"] = configured, ["PATH"] = path }));
        Assert.Equal(chrome, PhoneBrowser.Find(new Dictionary<string, string?> { ["PATH"] = path }));
    }

    [Fact]
    public void WithoutABrowserTheTestIsSkippedNamingTheInstallCommand()
    {
        var nothing = new Dictionary<string, string?> { ["PATH"] = _machine };
        var missing = new Dictionary<string, string?> { ["CHROME_BIN"] = Path.Combine(_machine, "gone"), ["PATH"] = _machine };

        Assert.Null(PhoneBrowser.Find(nothing));
        Assert.Null(PhoneBrowser.Find(missing));
        Assert.Contains("apt-get install chromium chromium-driver", PhoneBrowser.Missing, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_machine, recursive: true);

    private string Install(string folder, string name)
    {
        var path = Path.Combine(_machine, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }
}
