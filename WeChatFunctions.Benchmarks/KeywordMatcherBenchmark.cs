using System.Text;
using BenchmarkDotNet.Attributes;
using WeChatFunctions.Moderation;

namespace WeChatFunctions.Benchmarks;

/// <summary>
/// The <c>keywords</c> moderation on its worst realistic case: 10,000 banned words against a 2,000-character answer.
/// A loop of <see cref="string.Contains(string, StringComparison)"/> is the baseline the issue rules out.
/// </summary>
[MemoryDiagnoser]
public class KeywordMatcherBenchmark
{
    private const int WordCount = 10_000;
    private const int AnswerCharacters = 2_000;

    private List<string> _words = [];
    private BannedWords _matcher = null!;
    private string _cleanAnswer = "";
    private string _answerEndingInABannedWord = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        // Banned words of 2 to 4 CJK characters from the less common half of the block, and some Latin phrases,
        // so that they share prefixes with the answer's text as real lists do.
        _words = [.. Enumerable.Range(0, WordCount).Select(index => index % 10 == 0
            ? $"phrase{index} word"
            : new string([.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => (char)random.Next(0x7000, 0x9FA5))]))];
        _matcher = new BannedWords(_words);

        // An answer of common characters (U+4E00–U+6FFF) with punctuation, as a model writes, that matches no word.
        var answer = new StringBuilder(AnswerCharacters);
        while (answer.Length < AnswerCharacters)
        {
            answer.Append((char)random.Next(0x4E00, 0x6FFF));
            if (random.Next(20) == 0)
            {
                answer.Append("，The model wrote some English too. ");
            }
        }

        _cleanAnswer = answer.ToString(0, AnswerCharacters);
        _answerEndingInABannedWord = _cleanAnswer[..(AnswerCharacters - _words[^1].Length)] + _words[^1];
    }

    [Benchmark(Baseline = true, Description = "Loop of Contains, clean answer")]
    public bool ContainsLoop() => _words.Exists(word => _cleanAnswer.Contains(word, StringComparison.OrdinalIgnoreCase));

    [Benchmark(Description = "BannedWords, clean answer")]
    public bool CleanAnswer() => _matcher.AnyIn(_cleanAnswer);

    [Benchmark(Description = "BannedWords, banned word at the end")]
    public bool BannedWordAtTheEnd() => _matcher.AnyIn(_answerEndingInABannedWord);

    [Benchmark(Description = "Building BannedWords from 10,000 words (once, at start-up)")]
    public int Build() => new BannedWords(_words).Count;
}
