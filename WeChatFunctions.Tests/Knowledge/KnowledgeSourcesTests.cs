using System.Text;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Text;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>The sources line names the passages an answer drew on, at most two articles, and stays whole within a page.</summary>
public sealed class KnowledgeSourcesTests
{
    private static readonly KnowledgePassage Hours = Passage("d000000001", "门店营业时间", "https://mp.weixin.qq.com/s/hours", "本店每天早上八点开门，晚上十点关门，节假日照常营业。");
    private static readonly KnowledgePassage HoursAgain = Passage("d000000001", "门店营业时间", "https://mp.weixin.qq.com/s/hours", "除夕当天下午四点提前关门，初一照常营业。");
    private static readonly KnowledgePassage Parking = Passage("d000000002", "停车说明", "faq/parking.md", "商场地下车库可以停车，消费满五十元免费停车两小时。");
    private static readonly KnowledgePassage Wifi = Passage("d000000003", new string('长', 50), "https://example.com/wifi", "无线网络名称是 Cafe-Guest，密码写在收银台旁边。");

    [Fact]
    public void AnAnswerNamesTheArticlesItsWordingCameFromOnceEachAndAFileWithoutALink()
    {
        var line = KnowledgeSources.LineFor("我们每天早上八点开门、晚上十点关门，除夕下午四点提前关门；消费满五十元可以免费停车两小时。", [Hours, HoursAgain, Parking, Wifi]);

        Assert.Equal("\n\n参考：《门店营业时间》 https://mp.weixin.qq.com/s/hours；《停车说明》", line);
    }

    [Fact]
    public void AnAnswerThatUsedNoPassageNamesNoneAndALongTitleIsShortened()
    {
        Assert.Equal("", KnowledgeSources.LineFor("资料中没有相关内容。", [Hours, Parking]));
        Assert.Equal($"\n\n参考：《{new string('长', 40)}…》 https://example.com/wifi", KnowledgeSources.LineFor("无线网络名称是 Cafe-Guest。", [Wifi]));
    }

    [Fact]
    public void TheLineIsOneParagraphThatPagingNeverCuts()
    {
        var answer = string.Concat(Enumerable.Repeat("本店每天早上八点开门，晚上十点关门。", 60));
        var line = KnowledgeSources.LineFor(answer, [Hours]);

        var pages = Utf8Pages.Split(answer + line);

        Assert.All(pages, page => Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, Utf8Pages.WeChatTextLimitBytes));
        Assert.EndsWith(line.TrimStart('\n'), pages[^1], StringComparison.Ordinal);
        Assert.Single(pages, page => page.Contains("参考：", StringComparison.Ordinal));
    }

    private static KnowledgePassage Passage(string documentId, string title, string source, string text) =>
        new(new KnowledgeChunk(documentId, 0, text), title, source, 0.5);
}
