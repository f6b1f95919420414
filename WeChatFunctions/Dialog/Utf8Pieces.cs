namespace WeChatFunctions.Dialog;

/// <summary>
/// The UTF-8 side of <see cref="O200kEncoding"/>, written as Microsoft.ML.Tokenizers writes it so that the counts
/// agree even on broken text: a lone surrogate becomes the three bytes of its code unit, not a replacement character.
/// </summary>
internal static class Utf8Pieces
{
    /// <summary>Writes the bytes of <paramref name="text"/>, and for each byte the index of the character it belongs to.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> bytes, Span<int> characterOf)
    {
        var length = 0;
        for (var index = 0; index < text.Length; index++)
        {
            uint unit = text[index];
            var start = length;
            if (unit <= 0x7F)
            {
                bytes[length++] = (byte)unit;
            }
            else if (unit <= 0x7FF)
            {
                bytes[length++] = (byte)(0xC0 | (unit >> 6));
                bytes[length++] = (byte)(0x80 | (unit & 0x3F));
            }
            else if (index < text.Length - 1 && char.IsSurrogatePair(text[index], text[index + 1]))
            {
                var scalar = (uint)char.ConvertToUtf32(text[index], text[index + 1]);
                bytes[length++] = (byte)(0xF0 | (scalar >> 18));
                bytes[length++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                bytes[length++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                bytes[length++] = (byte)(0x80 | (scalar & 0x3F));
            }
            else
            {
                bytes[length++] = (byte)(0xE0 | (unit >> 12));
                bytes[length++] = (byte)(0x80 | ((unit >> 6) & 0x3F));
                bytes[length++] = (byte)(0x80 | (unit & 0x3F));
            }

            characterOf[start..length].Fill(index);
            index += length - start == 4 ? 1 : 0;
        }

        return length;
    }

    /// <summary>
    /// Whether <paramref name="text"/> may be looked up as one token. The library looks pieces up by their text, and
    /// leaves out of that map the tokens whose bytes do not decode cleanly: so no lone surrogate and no U+FFFD.
    /// </summary>
    public static bool IsWhole(ReadOnlySpan<char> text) => !text.Contains('\uFFFD') && !HasLoneSurrogate(text);

    /// <summary>
    /// How many of the tokens starting at <paramref name="starts"/> (byte offsets, then the end) fit in
    /// <paramref name="maxTokens"/> without cutting a character, and the characters they cover.
    /// </summary>
    public static (int Tokens, int Characters) Cover(ReadOnlySpan<int> starts, ReadOnlySpan<int> characterOf, int maxTokens)
    {
        var characters = 0;
        int token;
        for (token = 0; token < maxTokens; token++)
        {
            var end = EndOf(token, starts, characterOf);
            if (characterOf[starts[token + 1]] >= end)
            {
                characters = end;
                continue;
            }

            // The next tokens share this token's last character: all of them, or none.
            var after = token + 2;
            while (after < starts.Length - 1 && characterOf[starts[after]] < end)
            {
                after++;
            }

            if (after > maxTokens)
            {
                break;
            }

            token = after - 1;
            characters = EndOf(token, starts, characterOf);
        }

        return (token, characters);
    }

    /// <summary>The index after the last character the token touches.</summary>
    private static int EndOf(int token, ReadOnlySpan<int> starts, ReadOnlySpan<int> characterOf)
    {
        var end = starts[token + 1];
        var character = characterOf[end];
        if (end > 0 && characterOf[end - 1] == character)
        {
            for (end++; end < characterOf.Length && characterOf[end] == character; end++)
            {
            }
        }

        return characterOf[end];
    }

    private static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return true;
            }
        }

        return false;
    }
}
