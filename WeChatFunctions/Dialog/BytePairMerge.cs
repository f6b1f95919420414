using System.Buffers;

namespace WeChatFunctions.Dialog;

/// <summary>
/// Byte pair encoding of one piece of text, as tiktoken does it: start from single bytes, then merge, again and again,
/// the adjacent pair whose joined bytes are the token of lowest rank (the leftmost of equals) until no pair is a token.
/// </summary>
internal static class BytePairMerge
{
    /// <summary>Longer pieces find their lowest pair with a heap rather than a scan, which would take quadratic time.</summary>
    private const int ScanLimit = 128;

    private const int NoRank = int.MaxValue;

    /// <summary>Writes where each token of <paramref name="piece"/> starts into <paramref name="starts"/>, then the piece's length.</summary>
    /// <param name="starts">Room for <c>piece.Length + 1</c> offsets.</param>
    /// <returns>The number of tokens.</returns>
    public static int Merge(ReadOnlySpan<byte> piece, O200kVocabulary vocabulary, Span<int> starts) =>
        piece.Length > ScanLimit ? MergeWithHeap(piece, vocabulary, starts) : MergeByScanning(piece, vocabulary, starts);

    private static int MergeByScanning(ReadOnlySpan<byte> piece, O200kVocabulary vocabulary, Span<int> starts)
    {
        var parts = piece.Length + 1;
        Span<int> ranks = stackalloc int[ScanLimit + 1];
        for (var index = 0; index < parts; index++)
        {
            starts[index] = index;
        }

        for (var index = 0; index < parts; index++)
        {
            ranks[index] = RankAcross(index, skip: 0, parts, piece, vocabulary, starts);
        }

        while (parts > 1)
        {
            var lowest = 0;
            for (var index = 1; index < parts - 1; index++)
            {
                lowest = ranks[index] < ranks[lowest] ? index : lowest;
            }

            if (ranks[lowest] == NoRank)
            {
                break;
            }

            ranks[lowest] = RankAcross(lowest, skip: 1, parts, piece, vocabulary, starts);
            if (lowest > 0)
            {
                ranks[lowest - 1] = RankAcross(lowest - 1, skip: 1, parts, piece, vocabulary, starts);
            }

            starts[(lowest + 2)..parts].CopyTo(starts[(lowest + 1)..]);
            ranks[(lowest + 2)..parts].CopyTo(ranks[(lowest + 1)..]);
            parts--;
        }

        return parts - 1;
    }

    /// <summary>The rank of the parts from <paramref name="index"/> through <c>index + 1 + skip</c> joined, if they are a token.</summary>
    private static int RankAcross(int index, int skip, int parts, ReadOnlySpan<byte> piece, O200kVocabulary vocabulary, ReadOnlySpan<int> starts)
    {
        if (index + skip + 2 >= parts)
        {
            return NoRank;
        }

        var rank = vocabulary.RankOf(piece[starts[index]..starts[index + skip + 2]]);
        return rank < 0 ? NoRank : rank;
    }

    /// <summary>The same merges, with each part a link in a list and candidate pairs in a heap ordered by rank, then position.</summary>
    private static int MergeWithHeap(ReadOnlySpan<byte> piece, O200kVocabulary vocabulary, Span<int> starts)
    {
        var rented = ArrayPool<Part>.Shared.Rent(piece.Length);
        var parts = rented.AsSpan(0, piece.Length);
        var heap = new PriorityQueue<int, long>(piece.Length);
        for (var index = 0; index < piece.Length; index++)
        {
            parts[index] = new Part(Previous: index - 1, End: index + 1, NextEnd: index + 2, NextRank: NoRank);
        }

        for (var index = 0; index < piece.Length - 1; index++)
        {
            Propose(index, index + 2, piece, vocabulary, parts, heap);
        }

        while (heap.TryDequeue(out var left, out var priority))
        {
            if ((int)(priority >> 32) != parts[left].NextRank)
            {
                continue; // the pair changed since it was proposed
            }

            var right = parts[left].End;
            var rightEnd = parts[left].NextEnd;
            parts[left] = parts[left] with { End = rightEnd };
            Propose(left, parts[right].NextEnd, piece, vocabulary, parts, heap);
            if (rightEnd < piece.Length)
            {
                parts[rightEnd] = parts[rightEnd] with { Previous = left };
            }

            if (left > 0)
            {
                Propose(parts[left].Previous, rightEnd, piece, vocabulary, parts, heap);
            }

            parts[right] = parts[right] with { NextRank = NoRank };
        }

        var count = 0;
        for (var start = 0; start < piece.Length; start = parts[start].End)
        {
            starts[count++] = start;
        }

        starts[count] = piece.Length;
        ArrayPool<Part>.Shared.Return(rented);
        return count;
    }

    /// <summary>Offers the part at <paramref name="start"/> joined with the next one, which ends at <paramref name="nextEnd"/>.</summary>
    private static void Propose(int start, int nextEnd, ReadOnlySpan<byte> piece, O200kVocabulary vocabulary, Span<Part> parts, PriorityQueue<int, long> heap)
    {
        var rank = nextEnd <= piece.Length ? vocabulary.RankOf(piece[start..nextEnd]) : -1;
        parts[start] = parts[start] with { NextEnd = nextEnd, NextRank = rank < 0 ? NoRank : rank };
        if (rank >= 0)
        {
            heap.Enqueue(start, ((long)rank << 32) | (uint)start);
        }
    }

    /// <param name="NextEnd">Where the part after this one ends: this part and that one are the pair <paramref name="NextRank"/> ranks.</param>
    private readonly record struct Part(int Previous, int End, int NextEnd, int NextRank);
}
