using WeChatFunctions.Text;

namespace WeChatFunctions.Knowledge;

/// <summary>A document in the knowledge base: an article, a page or a file, split into chunks and searched.</summary>
/// <param name="Id">
/// Short and stable, for <c>kb_remove</c>: <c>d</c> and ten hex digits of the source's hash, which 20,000 documents
/// share by chance with odds of about one in 5,000.
/// </param>
/// <param name="Source">Where it came from: a URL, or a file's path relative to the folder imported.</param>
/// <param name="ContentHash">A hash of the title and extracted text, so that an unchanged document is not embedded again.</param>
/// <param name="Tokens">The embedding tokens its chunks cost.</param>
internal sealed record KnowledgeDocument(string Id, string Title, string Source, string ContentHash, int Chunks, long Tokens, DateTimeOffset UpdatedAt)
{
    public static string IdOf(string source) => "d" + HexDigest.Sha256(source.Trim())[..IdDigits];

    public static bool IsId(string text) => text.Length == IdDigits + 1 && text[0] == 'd' && text.Skip(1).All(char.IsAsciiHexDigitLower);

    private const int IdDigits = 10;

    public static string HashOf(ExtractedArticle article) => HexDigest.Sha256(article.Title + "\n" + article.Text);

    /// <summary>A link a follower can open, or <see langword="null"/> for a file imported from disk.</summary>
    public static string? Link(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? source : null;
}
