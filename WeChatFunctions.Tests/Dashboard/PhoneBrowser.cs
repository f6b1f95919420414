using OpenQA.Selenium.Chrome;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>
/// Headless Chromium at a phone's size (390 × 844, as an iPhone 14 shows pages), from what the machine has installed:
/// <c>CHROME_BIN</c>, else <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> or <c>google-chrome-stable</c> on the
/// PATH, with <c>chromedriver</c> from the PATH (Debian's chromium and chromium-driver packages, which .ci/run installs).
/// Selenium Manager would download a browser instead, which a machine without access to Chrome's downloads cannot.
/// </summary>
internal static class PhoneBrowser
{
    public const string Missing =
        "No Chromium or Chrome is installed (CHROME_BIN, or chromium or google-chrome on the PATH): "
        + "install one, for example `sudo apt-get install chromium chromium-driver`, to run the dashboard's browser test.";

    private static readonly string[] BrowserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser to drive, or <see langword="null"/> when the machine has none.</summary>
    public static string? Find(IDictionary<string, string?> environment)
    {
        if (environment.TryGetValue("CHROME_BIN", out var configured) && !string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return BrowserNames.Select(name => OnPath(environment, name)).FirstOrDefault(path => path is not null);
    }

    public static ChromeDriver Start()
    {
        var environment = ProcessEnvironment();
        var options = new ChromeOptions { BinaryLocation = Find(environment) ?? throw new InvalidOperationException(Missing) };
        options.AddArguments("--headless=new", "--window-size=390,844", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN");

        var driver = OnPath(environment, "chromedriver");
        var service = driver is null ? ChromeDriverService.CreateDefaultService() : ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver), Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public static Dictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>().ToDictionary(name => name, Environment.GetEnvironmentVariable);

    private static string? OnPath(IDictionary<string, string?> environment, string name) =>
        (environment.TryGetValue("PATH", out var path) ? path ?? "" : "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
