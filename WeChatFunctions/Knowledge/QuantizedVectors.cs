namespace WeChatFunctions.Knowledge;

/// <summary>
/// A document's unit-length vectors kept as signed bytes, each with its own scale: a quarter of the memory of floats,
/// and a cosine within about 0.01 of the exact one, far less than what separates a good passage from a poor one.
/// </summary>
internal sealed class QuantizedVectors
{
    private readonly sbyte[] _values;
    private readonly float[] _scales;

    public QuantizedVectors(IReadOnlyList<float[]> vectors)
    {
        Dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        _values = new sbyte[vectors.Count * Dimensions];
        _scales = new float[vectors.Count];
        for (var index = 0; index < vectors.Count; index++)
        {
            _scales[index] = Quantize(vectors[index], _values.AsSpan(index * Dimensions, Dimensions));
        }
    }

    public int Count => _scales.Length;

    public int Dimensions { get; }

    public long Bytes => _values.Length + (_scales.Length * sizeof(float));

    /// <summary>The query in the same form, for <see cref="Similarity"/>.</summary>
    public static (sbyte[] Values, float Scale) QuantizeQuery(ReadOnlySpan<float> vector)
    {
        var values = new sbyte[vector.Length];
        return (values, Quantize(vector, values));
    }

    /// <summary>The cosine similarity of vector <paramref name="index"/> and a quantized query of the same length.</summary>
    public float Similarity(int index, sbyte[] query, float queryScale)
    {
        var values = _values.AsSpan(index * Dimensions, Dimensions);
        var sum = 0;
        for (var dimension = 0; dimension < values.Length; dimension++)
        {
            sum += values[dimension] * query[dimension];
        }

        return sum * _scales[index] * queryScale;
    }

    private static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var largest = 0f;
        foreach (var value in vector)
        {
            largest = Math.Max(largest, Math.Abs(value));
        }

        var scale = largest > 0 ? largest / sbyte.MaxValue : 1;
        for (var dimension = 0; dimension < vector.Length; dimension++)
        {
            into[dimension] = (sbyte)Math.Round(vector[dimension] / scale);
        }

        return scale;
    }
}
