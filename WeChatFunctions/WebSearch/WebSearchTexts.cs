using WeChatFunctions.Knowledge;

namespace WeChatFunctions.WebSearch;

/// <summary>What the model is told when a search gives nothing, and the sources line the follower reads.</summary>
internal static class WebSearchTexts
{
    public const string Unavailable = "搜索服务暂时不可用，这次没能搜索网页。";

    public const string TimedOut = "搜索服务暂时不可用（超时），这次没能搜索网页。";

    public const string NothingFound = "没有找到相关结果。可以换个关键词再搜一次，或者直接说明没有查到。";

    /// <summary>Only when the tool is called while no provider is set, which start-up validation prevents.</summary>
    public const string NotConfigured = "公众号没有设置网页搜索服务。";

    /// <summary>Opens the sources line, as the knowledge base's answers do.</summary>
    public const string SourcesLabel = KnowledgeTexts.SourcesLabel;

    /// <summary>Shortens a title in the sources line, which should stay a few short lines.</summary>
    public const int MaxSourceTitleCharacters = 30;
}
