using OpenQA.Selenium.Chrome;

namespace WeChatFunctions.Tests.Dashboard;

/// <summary>
/// Headless Chromium at a phone's size (390 × 844, as an iPhone 14 shows pages). Debian's chromium and chromium-driver
/// packages, which .ci/run installs, are used where they are; elsewhere Selenium finds an installed Chrome.
/// </summary>
internal static class PhoneBrowser
{
    private const string DebianChromium = "/usr/bin/chromium";

    private const string DebianDriver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        var options = new ChromeOptions();
        options.AddArguments("--headless=new", "--window-size=390,844", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN");
        if (File.Exists(DebianChromium))
        {
            options.BinaryLocation = DebianChromium;
        }

        var service = File.Exists(DebianDriver) ? ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DebianDriver), Path.GetFileName(DebianDriver)) : ChromeDriverService.CreateDefaultService();
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
