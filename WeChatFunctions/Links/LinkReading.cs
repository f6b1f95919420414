using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Links;

/// <summary>What reading a link gave: the article, or the Chinese reason it could not be had.</summary>
internal sealed record LinkReading(ExtractedArticle? Article, string Failure)
{
    public static LinkReading Of(ExtractedArticle article) => new(article, "");

    public static LinkReading Failed(string failure) => new(null, failure);
}
