namespace WeChatFunctions.Tests.Dashboard;

/// <summary>A test that drives an installed Chromium; skipped, saying how to install one, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (PhoneBrowser.Find(PhoneBrowser.ProcessEnvironment()) is null)
        {
            Skip = PhoneBrowser.Missing;
        }
    }
}
