namespace WeChatFunctions.Text;

/// <summary>
/// Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space into their ASCII forms, so that text typed on a
/// Chinese keyboard matches its half-width spelling. Done by hand: the app runs with invariant globalization, where
/// <see cref="string.Normalize()"/> leaves non-ASCII text as it is.
/// </summary>
internal static class WidthFolding
{
    private const char IdeographicSpace = '\u3000';
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';

    public static string Fold(string text) => !text.AsSpan().ContainsAnyInRange(FullWidthFirst, FullWidthLast) && !text.Contains(IdeographicSpace) ? text : string.Create(text.Length, text, static (folded, source) =>
    {
        for (var index = 0; index < source.Length; index++)
        {
            folded[index] = source[index] switch
            {
                IdeographicSpace => ' ',
                >= FullWidthFirst and <= FullWidthLast and var wide => (char)(wide - FullWidthFirst + '!'),
                var other => other,
            };
        }
    });
}
