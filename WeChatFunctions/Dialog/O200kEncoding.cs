using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Dialog;

/// <summary>
/// Counts the o200k_base tokens of a text exactly as Microsoft.ML.Tokenizers' <c>TiktokenTokenizer</c> does (a property
/// test holds the two together): the special tokens on their own, the rest cut into pieces by o200k's pattern, each
/// piece one token when its UTF-8 bytes are one, else merged byte pair by byte pair.
/// </summary>
internal sealed partial class O200kEncoding
{
    private static readonly string[] SpecialTokens = ["<|endoftext|>", "<|endofprompt|>"];

    /// <summary>Pieces up to this many characters are encoded on the stack.</summary>
    private const int StackCharacters = 256;

    /// <summary>The counts of pieces up to this long are kept, as the library keeps them: words and short phrases recur.</summary>
    private const int CachedCharacters = 15;

    /// <summary>When this many counts are kept, they are all let go: about 1 MB at most.</summary>
    private const int CacheCapacity = 8192;

    private readonly O200kVocabulary _vocabulary;

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _countOf;

    private int _countsAdded;

    public O200kEncoding(O200kVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _countOf = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The tokens of <paramref name="text"/>, and how many of its characters the first <paramref name="maxTokens"/> of them cover, never half a character.</summary>
    public (int Tokens, int Characters) Leading(ReadOnlySpan<char> text, int maxTokens)
    {
        var tokens = 0;
        for (var start = 0; start < text.Length;)
        {
            var (special, specialLength) = NextSpecialToken(text[start..]);
            foreach (var match in Pieces().EnumerateMatches(text.Slice(start, special)))
            {
                var piece = text.Slice(start + match.Index, match.Length);
                var (count, covered) = Counted(piece, maxTokens - tokens);
                tokens += count;
                if (covered < piece.Length || tokens >= maxTokens)
                {
                    return (tokens, start + match.Index + covered);
                }
            }

            start += special + specialLength;
            if (specialLength > 0 && ++tokens >= maxTokens)
            {
                return (tokens, start);
            }
        }

        return (tokens, text.Length);
    }

    /// <summary>Where the first special token starts in <paramref name="text"/> and its length, or the text's length and 0.</summary>
    private static (int Index, int Length) NextSpecialToken(ReadOnlySpan<char> text)
    {
        for (var offset = 0; offset < text.Length;)
        {
            var found = text[offset..].IndexOf("<|endof", StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            foreach (var special in SpecialTokens)
            {
                if (text[(offset + found)..].StartsWith(special, StringComparison.Ordinal))
                {
                    return (offset + found, special.Length);
                }
            }

            offset += found + 1;
        }

        return (text.Length, 0);
    }

    /// <summary>The tokens of one piece, at most <paramref name="maxTokens"/> of them, and the characters they cover.</summary>
    private (int Tokens, int Characters) Counted(ReadOnlySpan<char> piece, int maxTokens)
    {
        if (piece.Length > CachedCharacters)
        {
            return Encode(piece, maxTokens);
        }

        if (_countOf.TryGetValue(piece, out var known) && known <= maxTokens)
        {
            return (known, piece.Length);
        }

        var (tokens, characters) = Encode(piece, maxTokens);
        if (characters == piece.Length && _countOf.TryAdd(piece, tokens) && Interlocked.Increment(ref _countsAdded) >= CacheCapacity)
        {
            Interlocked.Exchange(ref _countsAdded, 0);
            _counts.Clear();
        }

        return (tokens, characters);
    }

    private (int Tokens, int Characters) Encode(ReadOnlySpan<char> piece, int maxTokens)
    {
        var maxBytes = piece.Length * 3; // a UTF-16 unit is at most three bytes, a pair of them four
        if (piece.Length <= StackCharacters)
        {
            return Encode(piece, maxTokens, stackalloc byte[maxBytes], stackalloc int[maxBytes + 1], stackalloc int[maxBytes + 1]);
        }

        var bytes = ArrayPool<byte>.Shared.Rent(maxBytes);
        var offsets = ArrayPool<int>.Shared.Rent((maxBytes + 1) * 2);
        try
        {
            return Encode(piece, maxTokens, bytes, offsets.AsSpan(0, maxBytes + 1), offsets.AsSpan(maxBytes + 1, maxBytes + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <param name="characterOf">Room for the character index of each byte, and one more.</param>
    /// <param name="starts">Room for the byte offset where each token starts, and one more.</param>
    private (int Tokens, int Characters) Encode(ReadOnlySpan<char> piece, int maxTokens, Span<byte> bytes, Span<int> characterOf, Span<int> starts)
    {
        var length = Utf8Pieces.Encode(piece, bytes, characterOf);
        characterOf[length] = piece.Length;
        if (Utf8Pieces.IsWhole(piece) && _vocabulary.RankOf(bytes[..length]) >= 0)
        {
            return (1, piece.Length);
        }

        var tokens = BytePairMerge.Merge(bytes[..length], _vocabulary, starts);
        return tokens <= maxTokens ? (tokens, piece.Length) : Utf8Pieces.Cover(starts[..(tokens + 1)], characterOf[..(length + 1)], maxTokens);
    }

    /// <summary>o200k_base's pattern, as tiktoken and Microsoft.ML.Tokenizers define it.</summary>
    [GeneratedRegex(@"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+")]
    private static partial Regex Pieces();
}
