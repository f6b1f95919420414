using System.Text;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Splits a document into chunks of about <see cref="TargetTokens"/> tokens for embedding. It keeps paragraphs whole
/// where they fit and otherwise cuts at sentence ends, Chinese (。！？；) as well as Western, so that a chunk reads on
/// its own; only a sentence longer than a chunk is cut inside, between characters rather than inside a word. Each
/// chunk after the first repeats the end of the one before, about <see cref="OverlapTokens"/>, so that an answer
/// that straddles a cut is still found whole in one of them. A token is allowed for each join, since text tokenizes a
/// little differently joined than apart.
/// </summary>
internal sealed class TextChunker(TokenCounter counter)
{
    public const int TargetTokens = 500;

    public const int OverlapTokens = 60;

    public IReadOnlyList<string> Split(string text)
    {
        var chunks = new List<string>();
        var current = new List<TextUnit>();
        var tokens = 0;
        var fresh = 0;
        foreach (var unit in Units(text))
        {
            if (tokens + unit.Tokens + current.Count > TargetTokens && fresh > 0)
            {
                chunks.Add(Join(current));
                current = Overlap(current);
                tokens = current.Sum(kept => kept.Tokens);
                if (tokens + unit.Tokens + current.Count > TargetTokens)
                {
                    (current, tokens) = ([], 0);
                }

                fresh = 0;
            }

            current.Add(unit);
            tokens += unit.Tokens;
            fresh++;
        }

        if (fresh > 0)
        {
            chunks.Add(Join(current));
        }

        return chunks;
    }

    /// <summary>The paragraphs that fit a chunk, and the sentences, or pieces of sentences, of those that do not.</summary>
    private IEnumerable<TextUnit> Units(string text)
    {
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = paragraph.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var tokens = counter.CountText(trimmed);
            if (tokens <= TargetTokens)
            {
                yield return new TextUnit(trimmed, tokens, StartsParagraph: true);
                continue;
            }

            var first = true;
            foreach (var sentence in Sentences.Of(trimmed))
            {
                foreach (var (piece, pieceTokens) in PiecesOf(sentence))
                {
                    yield return new TextUnit(piece, pieceTokens, first);
                    first = false;
                }
            }
        }
    }

    /// <summary>
    /// A sentence cut into pieces of at most a chunk's tokens, at a space where one is near. Tokens are not spread
    /// evenly over characters, so a piece still too long is cut again.
    /// </summary>
    /// <returns>Each piece with its tokens, counted once.</returns>
    private IEnumerable<(string Piece, int Tokens)> PiecesOf(string sentence)
    {
        var tokens = counter.CountText(sentence);
        if (tokens <= TargetTokens || sentence.Length < 2)
        {
            yield return (sentence, tokens);
            yield break;
        }

        var pieces = Math.Max(2, (tokens + TargetTokens - 1) / TargetTokens);
        var length = (sentence.Length + pieces - 1) / pieces;
        for (var start = 0; start < sentence.Length;)
        {
            var end = Math.Min(sentence.Length, start + length);
            if (end < sentence.Length)
            {
                var space = sentence.LastIndexOf(' ', end - 1, Math.Min(32, end - start));
                end = space > start ? space + 1 : end;
                end = char.IsHighSurrogate(sentence[end - 1]) && end - 1 > start ? end - 1 : end;
            }

            foreach (var piece in PiecesOf(sentence[start..end]))
            {
                yield return piece;
            }

            start = end;
        }
    }

    /// <summary>
    /// The last units of a chunk that together stay within <see cref="OverlapTokens"/>; when even the last is longer,
    /// its last sentences that do.
    /// </summary>
    private List<TextUnit> Overlap(List<TextUnit> chunk)
    {
        var kept = new List<TextUnit>();
        var tokens = 0;
        for (var index = chunk.Count - 1; index > 0 && tokens + chunk[index].Tokens <= OverlapTokens; index--)
        {
            kept.Insert(0, chunk[index]);
            tokens += chunk[index].Tokens;
        }

        if (kept.Count > 0)
        {
            return kept;
        }

        foreach (var sentence in Sentences.Of(chunk[^1].Text).Reverse())
        {
            var sentenceTokens = counter.CountText(sentence);
            if (tokens + sentenceTokens > OverlapTokens)
            {
                break;
            }

            kept.Insert(0, new TextUnit(sentence, sentenceTokens, StartsParagraph: false));
            tokens += sentenceTokens;
        }

        return kept;
    }

    private static string Join(List<TextUnit> units)
    {
        var text = new StringBuilder();
        foreach (var unit in units)
        {
            text.Append(text.Length > 0 && unit.StartsParagraph ? "\n" : "").Append(unit.Text);
        }

        return text.ToString().Trim();
    }

    private sealed record TextUnit(string Text, int Tokens, bool StartsParagraph);
}
