using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Reflection;

namespace WeChatFunctions.Dialog;

/// <summary>
/// The o200k_base vocabulary, read from the data package of Microsoft.ML.Tokenizers into three arrays: every token's
/// bytes end to end, where each token ends, and an open-addressing table from bytes to rank. About 4 MB, where the
/// library's dictionaries of byte arrays and strings hold about 40 MB on every instance.
/// </summary>
internal sealed class O200kVocabulary
{
    private const string DataAssembly = "Microsoft.ML.Tokenizers.Data.O200kBase";

    private const string DataResource = "o200k_base.tiktoken.deflate";

    private const string CapacityLine = "Capacity: ";

    /// <summary>The tokens' bytes in rank order, with room to spare at the end.</summary>
    private readonly byte[] _bytes;

    /// <summary>Where the token of each rank ends in <see cref="_bytes"/>; it starts where the one before ends.</summary>
    private readonly int[] _ends;

    /// <summary>Rank + 1 of the token hashed to each slot, or 0 for none; at most half full, so probes stay short.</summary>
    private readonly int[] _slots;

    private O200kVocabulary(byte[] bytes, int[] ends, int count)
    {
        _bytes = bytes;
        _ends = ends;
        _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)count * 2)];
        for (var rank = 0; rank < count; rank++)
        {
            if (_ends[rank] == Start(rank))
            {
                continue; // an empty line of the file: its rank has no token
            }

            var slot = FirstSlot(Token(rank));
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = rank + 1;
        }
    }

    /// <summary>Reads the tiktoken file: optionally a capacity line, then one base64 token a line, ranked by line number.</summary>
    public static O200kVocabulary Load()
    {
        using var compressed = Assembly.Load(DataAssembly).GetManifestResourceStream(DataResource)
            ?? throw new InvalidOperationException($"{DataAssembly} has no {DataResource}.");
        using var reader = new StreamReader(new DeflateStream(compressed, CompressionMode.Decompress));
        var line = reader.ReadLine();
        var capacity = line is not null && line.StartsWith(CapacityLine, StringComparison.Ordinal) ? int.Parse(line.AsSpan(CapacityLine.Length), CultureInfo.InvariantCulture) : 0;
        line = capacity > 0 ? reader.ReadLine() : line;
        // Sized for o200k's 7 bytes a token on average, so that no copy is left behind on the large object heap.
        var bytes = new byte[Math.Max(capacity, 1024) * 8];
        var ends = new int[Math.Max(capacity, 1024)];
        var count = 0;
        for (; line is not null; line = reader.ReadLine(), count++)
        {
            var end = count == 0 ? 0 : ends[count - 1];
            if (bytes.Length - end < line.Length || count == ends.Length)
            {
                Array.Resize(ref bytes, bytes.Length * 2);
                Array.Resize(ref ends, ends.Length * 2);
            }

            if (!Convert.TryFromBase64String(line, bytes.AsSpan(end), out var length))
            {
                throw new InvalidDataException($"{DataResource} has a token that is not base64 on line {count + 1}.");
            }

            ends[count] = end + length;
        }

        return new O200kVocabulary(bytes, ends, count);
    }

    /// <summary>The rank of the token whose bytes are <paramref name="token"/>, or -1 when no token has them.</summary>
    public int RankOf(ReadOnlySpan<byte> token)
    {
        for (var slot = FirstSlot(token); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
        {
            var rank = _slots[slot] - 1;
            if (Token(rank).SequenceEqual(token))
            {
                return rank;
            }
        }

        return -1;
    }

    private ReadOnlySpan<byte> Token(int rank) => _bytes.AsSpan(Start(rank), _ends[rank] - Start(rank));

    private int Start(int rank) => rank == 0 ? 0 : _ends[rank - 1];

    /// <summary>FNV-1a, mixed once more so that the low bits the mask keeps depend on every byte.</summary>
    private int FirstSlot(ReadOnlySpan<byte> token)
    {
        var hash = 2166136261u;
        foreach (var value in token)
        {
            hash = (hash ^ value) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash & (uint)(_slots.Length - 1));
    }
}
