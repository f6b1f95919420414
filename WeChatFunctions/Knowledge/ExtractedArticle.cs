namespace WeChatFunctions.Knowledge;

/// <summary>What a page says: its title and its main text, one paragraph a line.</summary>
internal sealed record ExtractedArticle(string Title, string Text);
