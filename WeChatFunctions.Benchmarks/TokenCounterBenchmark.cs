using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Benchmarks;

/// <summary>
/// What counting a message's tokens costs with the app's compact o200k table against Microsoft.ML.Tokenizers, which it
/// replaced to save memory: an 80-character Chinese question, a 600-character mixed answer, and the longest question,
/// each counted again and again (so both keep the counts of its short pieces), and questions never seen before, of
/// phrases too long to be kept, to time the merging itself.
/// </summary>
[MemoryDiagnoser]
public class TokenCounterBenchmark
{
    private readonly TiktokenTokenizer _library = TiktokenTokenizer.CreateForEncoding("o200k_base");
    private readonly TokenCounter _counter = new();
    private readonly string _question = string.Concat(Enumerable.Repeat("请问你们门店周末几点开门，可以带宠物吗？", 4));
    private readonly string _answer = string.Concat(Enumerable.Repeat("我们的门店周末早上九点开门，晚上十点关门。You can bring small pets on a leash. 详情请看 https://example.com/store。\n\n", 6));
    private readonly string _longQuestion = string.Concat(Enumerable.Repeat("请问你们门店周末几点开门，可以带宠物吗？Do you open on Sundays? ", 120))[..AssistantDialog.MaxQuestionCharacters];

    private readonly string[] _unseen = [.. Enumerable.Range(0, 4096).Select(Unseen)];
    private int _next;

    [Benchmark(Baseline = true)]
    public int LibraryQuestion() => _library.CountTokens(_question);

    [Benchmark]
    public int CompactQuestion() => _counter.CountText(_question);

    [Benchmark]
    public int LibraryAnswer() => _library.CountTokens(_answer);

    [Benchmark]
    public int CompactAnswer() => _counter.CountText(_answer);

    [Benchmark]
    public int LibraryLongestQuestion() => _library.CountTokens(_longQuestion);

    [Benchmark]
    public int CompactLongestQuestion() => _counter.CountText(_longQuestion);

    [Benchmark]
    public int LibraryUnseenQuestion() => _library.CountTokens(_unseen[_next++ % _unseen.Length]);

    [Benchmark]
    public int CompactUnseenQuestion() => _counter.CountText(_unseen[_next++ % _unseen.Length]);

    /// <summary>Four phrases of 16-23 common Chinese characters, each ended by a comma or a full stop.</summary>
    private static string Unseen(int seed)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, 4).Select(_ =>
            new string([.. Enumerable.Range(0, random.Next(16, 24)).Select(_ => (char)random.Next(0x4E00, 0x6000))]) + (random.Next(2) == 0 ? "，" : "。")));
    }
}
