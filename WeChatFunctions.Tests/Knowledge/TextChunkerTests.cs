using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WeChatFunctions.Dialog;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>Documents are cut into chunks of about 500 tokens, at paragraph and sentence ends, Chinese as well as Western, with overlap.</summary>
public sealed class TextChunkerTests
{
    private static readonly TokenCounter Counter = new();
    private readonly TextChunker _chunker = new(Counter);

    [Fact]
    public void AShortDocumentIsOneChunkWithItsParagraphsOnTheirOwnLines()
    {
        var chunks = _chunker.Split("  本店营业时间：每天 9:00–22:00。\r\n\r\n节假日照常营业。  \n");

        Assert.Equal(["本店营业时间：每天 9:00–22:00。\n节假日照常营业。"], chunks);
    }

    [Fact]
    public void ChineseTextIsCutAtSentenceEndsIntoChunksOfAtMostTheTargetThatOverlap()
    {
        var sentences = Enumerable.Range(1, 120).Select(number => $"第{number}条规定说明会员在门店消费时可以累计积分并兑换礼品。").ToList();
        var text = string.Join("", sentences.Take(60)) + "\n\n" + string.Join("", sentences.Skip(60));

        var chunks = _chunker.Split(text);

        Assert.InRange(chunks.Count, 4, 8);
        Assert.All(chunks, chunk => Assert.InRange(Counter.CountText(chunk), 1, TextChunker.TargetTokens));
        Assert.All(chunks, chunk => Assert.Matches("(?s)^第\\d+条.*。$", chunk)); // whole sentences only
        Assert.All(sentences, sentence => Assert.Contains(chunks, chunk => chunk.Contains(sentence, StringComparison.Ordinal)));
        Assert.All(chunks.Zip(chunks.Skip(1)), pair => Assert.True(SharedSentence(pair.First, pair.Second), $"no overlap between\n{pair.First}\nand\n{pair.Second}"));
    }

    [Fact]
    public void MixedTextKeepsWordsWholeAndParagraphsTogetherWhereTheyFit()
    {
        var paragraphs = Enumerable.Range(1, 40)
            .Select(number => $"Paragraph {number}: 我们的 latte 使用 single-origin beans，roasted in Shanghai every Monday. 价格是 {number + 20} 元。")
            .ToList();

        var chunks = _chunker.Split(string.Join("\n\n", paragraphs));

        Assert.True(chunks.Count >= 2);
        Assert.All(chunks, chunk => Assert.InRange(Counter.CountText(chunk), 1, TextChunker.TargetTokens));
        Assert.All(paragraphs, paragraph => Assert.Contains(chunks, chunk => chunk.Split('\n').Contains(paragraph)));
    }

    [Fact]
    public void ASentenceLongerThanAChunkIsCutBetweenCharactersAndNothingIsLost()
    {
        var text = string.Concat(Enumerable.Repeat("没有标点的很长很长的内容", 300));

        var chunks = _chunker.Split(text);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, chunk => Assert.InRange(Counter.CountText(chunk), 1, TextChunker.TargetTokens));
        Assert.Equal(text.Length, chunks.Sum(chunk => chunk.Length));
    }

    [Property(Arbitrary = [typeof(Documents)], MaxTest = 150)]
    public void EveryChunkFitsAndEverySentenceOfTheDocumentIsWholeInOne(string document)
    {
        var chunks = _chunker.Split(document);
        var sentences = document.Split('\n').SelectMany(Sentences.Of).Select(sentence => sentence.Trim()).Where(sentence => sentence.Length > 0).ToList();

        Assert.All(chunks, chunk => Assert.InRange(Counter.CountText(chunk), 1, TextChunker.TargetTokens));
        Assert.Equal(sentences.Count == 0, chunks.Count == 0);
        Assert.All(sentences.Where(sentence => sentence.Length <= 40), sentence => Assert.Contains(chunks, chunk => chunk.Contains(sentence, StringComparison.Ordinal)));
    }

    private static bool SharedSentence(string first, string second) =>
        Sentences.Of(second).Take(1).Any(sentence => first.Contains(sentence.Trim(), StringComparison.Ordinal));

    public static class Documents
    {
        private static readonly string[] Pieces =
        [
            "会员可以累计积分。", "每天营业到晚上十点！", "请问有停车位吗？", "We roast beans weekly. ", "Price: 30 yuan; ", "latte ", "\n", "\n\n",
            "  ", "没有标点的一长串中文内容", "3.14 ", "“引号里的话。”", "emoji 😀 ", string.Concat(Enumerable.Repeat("很长的段落内容，", 200)),
        ];

        public static Arbitrary<string> Document() =>
            Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();
    }
}
