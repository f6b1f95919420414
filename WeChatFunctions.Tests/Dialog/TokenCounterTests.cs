using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.ML.Tokenizers;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Tests.Dialog;

/// <summary>
/// The compact token counter counts, and cuts, exactly as Microsoft.ML.Tokenizers' o200k_base tokenizer does, so that
/// every token budget comes out as it did with the library: on Chinese, English, code, emoji and broken text alike.
/// </summary>
public sealed class TokenCounterTests
{
    private static readonly TokenCounter Counter = new();

    private static readonly TiktokenTokenizer Library = TiktokenTokenizer.CreateForEncoding("o200k_base");

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 3000)]
    public bool CountsAsTheLibraryDoes(string text) => Counter.CountText(text) == Library.CountTokens(text);

    [Property(MaxTest = 3000)]
    public bool CountsAnyStringAsTheLibraryDoes(NonNull<string> text) => Counter.CountText(text.Get) == Library.CountTokens(text.Get);

    [Property(Arbitrary = [typeof(Texts)], MaxTest = 2000)]
    public bool CutsWhereTheLibraryCuts(string text, PositiveInt maxTokens)
    {
        var limit = (maxTokens.Get % (Library.CountTokens(text) + 2)) + 1;

        return Counter.Leading(text, limit) == text[..Library.GetIndexByTokenCount(text, limit, out _, out _)];
    }

    [Fact]
    public void LongRunsOfChineseAreMergedAsTheLibraryMergesThem()
    {
        var characters = Enumerable.Range(0, 4000).Select(index => (char)(0x4E00 + (index * 7919 % 20000))).ToArray();
        var runs = new[] { new string(characters), new string('长', 4000), string.Concat(Enumerable.Repeat("没有标点的很长很长的内容", 300)) };

        Assert.All(runs, run => Assert.Equal(Library.CountTokens(run), Counter.CountText(run)));
        Assert.All(runs, run => Assert.Equal(run[..Library.GetIndexByTokenCount(run, 777, out _, out _)], Counter.Leading(run, 777)));
    }

    [Fact]
    public void EachMessageAddsItsFraming()
    {
        Assert.Equal(TokenCounter.PerMessageOverhead + Library.CountTokens("你好，世界！"), Counter.CountMessage("你好，世界！"));
        Assert.Equal("", Counter.Leading("你好", 0));
    }

    /// <summary>Texts stitched from what followers, models and pages write, with the edge cases of UTF-16 and tiktoken.</summary>
    public static class Texts
    {
        private static readonly string[] Fragments =
        [
            "Hello", " world", "I'm", " THEY'LL", " don't", "'s", "12345", " 3.14", "   ", "\t", "\r\n", "\n\n", " \n ", "中文句子。", "，", "？！",
            "😀", "👍🏽", "👨‍👩‍👧", "𠀀𠀁𪚥", "e\u0301", "\u0301", "\uFFFD", "\uD800", "\uDC00", "<|endoftext|>", "<|endofprompt|>", "<|endof", "<|",
            "Привет", " мир", "مرحبا", "नमस्ते", "ｆｕｌｌｗｉｄｔｈ", "ÜBER", "ǅemal", "https://example.com/a/b?c=d", "$$$", "...", "---", "/**/",
            "def f(x):\n    return x * 2\n", "我们的 latte 使用 single-origin beans，", new string('长', 300), string.Concat(Enumerable.Repeat("很长的一句话没有换行", 20)),
        ];

        public static Arbitrary<string> Text() =>
            Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), Gen.Choose(0, 0xFFFF).Select(unit => ((char)unit).ToString()))).Select(parts => string.Concat(parts)).ToArbitrary();
    }
}
