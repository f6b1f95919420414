using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Links;

/// <summary>What the model and followers are told about links and the articles behind them.</summary>
internal static class LinkTexts
{
    /// <summary>The question a shared link asks when the follower has not asked one.</summary>
    public const string DefaultQuestion = "请总结这篇文章";

    /// <summary>Tells the model, in the system prompt, what the shared article before the question is.</summary>
    public const string Instruction = "用户最近分享了一篇文章，它附在用户的问题前。问题与这篇文章有关时，请依据文章回答；文章没有写到的内容不要编造。";

    public const string NotHttp = "只能读取 http 或 https 链接";

    public const string PrivateAddress = "不能读取内网或本机地址";

    public const string Unreachable = "网页无法访问";

    public const string NoText = "网页里没有找到正文";

    public static string TooSlow(TimeSpan timeout) => $"网页 {timeout.TotalSeconds:0} 秒内没有打开";

    /// <summary>Opens the message that carries the article's text.</summary>
    public static string ArticleHeading(bool cut) =>
        cut ? "以下是用户分享的文章（较长，只附上开头部分）：" : "以下是用户分享的文章：";

    /// <summary>Opens the message that carries only what WeChat sent with the link, when the page could not be read.</summary>
    public static string SummaryHeading(string failure) =>
        $"用户分享了一篇文章，但没能打开它的网页（{failure}），下面只有分享时附带的标题和摘要。请只根据标题和摘要回答，不要编造文章里的具体内容。";

    /// <summary>Follows an answer given from the title and summary alone, so the follower knows the article was not read.</summary>
    public static string SummaryOnlyNote(string failure) =>
        $"\n\n（没能打开这篇文章的网页：{failure}。以上回答只根据分享时附带的标题和摘要。）";

    /// <summary>The fence's heading: the title, when there is one, and the link.</summary>
    public static string Heading(string title, string url) => string.IsNullOrWhiteSpace(title) ? url : $"《{title.Trim()}》 {url}";

    /// <summary>What <c>read_link</c> gives the model.</summary>
    public static string ToolResult(ExtractedArticle article) => $"标题：{article.Title}\n\n{article.Text}";

    /// <summary>The source name on the fence of a shared article.</summary>
    public const string Source = "link";
}
