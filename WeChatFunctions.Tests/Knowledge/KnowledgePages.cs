using System.Net;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>Pages shaped like the ones admins import: an official-account article, and an ordinary site's page.</summary>
public static class KnowledgePages
{
    public const string ScriptMarker = "脚本里的文字不应被导入";

    public const string ChromeMarker = "页面导航与页脚不应被导入";

    /// <summary>An article as mp.weixin.qq.com serves it: the body in <c>#js_content</c>, hidden until a script shows it.</summary>
    public static string WeChatArticle(string title, params string[] paragraphs) => $"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title></title>
        <meta property="og:title" content="{WebUtility.HtmlEncode(title)}">
        <script>var note = "{ScriptMarker}";</script></head>
        <body><div id="js_article">
        <h1 class="rich_media_title" id="activity-name">{WebUtility.HtmlEncode(title)}</h1>
        <div class="rich_media_meta_list"><span>{ChromeMarker}</span></div>
        <div class="rich_media_content" id="js_content" style="visibility: hidden;">
        <section>{string.Concat(paragraphs.Select(paragraph => $"<p><span>{WebUtility.HtmlEncode(paragraph)}</span></p>"))}</section>
        </div></div>
        <div class="footer">{ChromeMarker}</div></body></html>
        """;

    /// <summary>An ordinary site's page: navigation, the article, a sidebar and a footer.</summary>
    public static string SitePage(string title, params string[] paragraphs) => $$"""
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}} - 示例咖啡</title>
        <style>body { font-size: 16px; }</style><script>console.log("{{ScriptMarker}}");</script></head>
        <body><nav><ul><li><a href="/">首页</a></li><li><a href="/menu">{{ChromeMarker}}</a></li><li><a href="/about">关于</a></li></ul></nav>
        <main><article><h1>{{WebUtility.HtmlEncode(title)}}</h1>
        {{string.Concat(paragraphs.Select(paragraph => $"<p>{WebUtility.HtmlEncode(paragraph)}</p>"))}}
        </article></main>
        <footer><p>{{ChromeMarker}} © 2026 示例咖啡</p></footer></body></html>
        """;
}
