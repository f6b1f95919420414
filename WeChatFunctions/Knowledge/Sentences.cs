namespace WeChatFunctions.Knowledge;

/// <summary>Cuts text after each sentence end: 。！？； and their ASCII forms, a full stop only before a space or the end (not in 3.14).</summary>
internal static class Sentences
{
    private const string Ends = "。！？；!?;…";

    private const string Closers = "”’」』）)\"'";

    /// <summary>The sentences, each with the closing quotes and spaces after its end, so that joined they give the text back.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            var ends = Ends.Contains(text[index], StringComparison.Ordinal)
                || (text[index] == '.' && (index + 1 == text.Length || char.IsWhiteSpace(text[index + 1])));
            if (!ends)
            {
                continue;
            }

            var end = index + 1;
            while (end < text.Length && (Ends.Contains(text[end], StringComparison.Ordinal) || Closers.Contains(text[end], StringComparison.Ordinal) || char.IsWhiteSpace(text[end])))
            {
                end++;
            }

            sentences.Add(text[start..end]);
            start = end;
            index = end - 1;
        }

        if (start < text.Length)
        {
            sentences.Add(text[start..]);
        }

        return sentences;
    }
}
