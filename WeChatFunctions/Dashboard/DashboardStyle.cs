namespace WeChatFunctions.Dashboard;

/// <summary>The dashboard's stylesheet: readable on a phone in WeChat's browser, tables scrolling sideways rather than squeezing.</summary>
internal static class DashboardStyle
{
    public const string Css = """
        :root { color-scheme: light dark; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
        body { margin: 0 auto; max-width: 960px; padding: 12px; line-height: 1.5; }
        h1 { font-size: 1.3rem; margin: 0.2rem 0; }
        h2 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
        nav a { display: inline-block; padding: 4px 10px; margin-right: 4px; border: 1px solid #8884; border-radius: 14px; text-decoration: none; }
        nav a[aria-current] { background: #07c160; color: #fff; border-color: #07c160; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85rem; white-space: nowrap; }
        th, td { border-bottom: 1px solid #8884; padding: 4px 8px; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        pre { white-space: pre-wrap; word-break: break-all; font-size: 0.8rem; }
        .muted { color: #888; font-size: 0.85rem; }
        """;
}
