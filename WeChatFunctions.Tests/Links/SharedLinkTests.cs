using Azure.Data.Tables;
using WeChatFunctions.Dialog;
using WeChatFunctions.Links;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Knowledge;

namespace WeChatFunctions.Tests.Links;

/// <summary>
/// A shared article (a link message) is a question, 「请总结这篇文章」: its page is read while the answer generates and
/// given to the model fenced before the question, and again before the follower's next questions for ten minutes.
/// </summary>
public sealed class SharedLinkTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private const string Paragraph = "城市里的咖啡馆越来越多，年轻人把咖啡馆当作第二个办公室。作者走访了二十家咖啡馆，发现它们都在延长营业时间。";

    private PageServer _pages = null!;

    [Fact]
    public async Task ASharedArticleIsSummarisedFromItsTextFencedBeforeTheDefaultQuestion()
    {
        var url = _pages.Serve("/s/coffee", KnowledgePages.WeChatArticle("咖啡馆里的年轻人", Paragraph));

        var reply = await DeliverAsync(Fixture.WeChat, SignedPush.Link("咖啡馆里的年轻人", "二十家咖啡馆的走访", url).From(Follower));

        Assert.Equal("回答：请总结这篇文章", reply);
        var request = Assert.Single(Fixture.Model.Requests);
        Assert.Equal("请总结这篇文章", request.Messages[^1].Content);
        Assert.Equal(
            $"{LinkTexts.ArticleHeading(cut: false)}\n\n<quoted-material source=\"link\">\n《咖啡馆里的年轻人》 {url}\n{Paragraph}\n</quoted-material>",
            request.Messages[^2].Content);
        Assert.Contains(LinkTexts.Instruction, request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains(QuotedMaterial.Instruction, request.Messages[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ChromeMarker, request.Messages[^2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextQuestionWithinTenMinutesIsAskedWithTheArticleAndALaterOneWithout()
    {
        var url = _pages.Serve("/s/next", KnowledgePages.SitePage("咖啡馆调查", Paragraph));
        await DeliverAsync(Fixture.WeChat, SignedPush.Link("咖啡馆调查", "走访记录", url).From(Follower));

        await AskAsync(Fixture.WeChat, "作者走访了几家？");
        await ShareLinkAsync(Follower, DateTimeOffset.UtcNow - SharedLink.Lifetime - TimeSpan.FromMinutes(1), url);
        // Eleven minutes on, no instance still holds the partition it read for the last question: another one asks.
        await AskAsync(Fixture.StartApplication().CreateWeChatClient(), "换个话题吧");

        var next = Assert.Single(Fixture.Model.Requests, request => request.LastUserMessage == "作者走访了几家？");
        Assert.Equal("作者走访了几家？", next.Messages[^1].Content);
        Assert.Contains(Paragraph, next.Messages[^2].Content, StringComparison.Ordinal);
        Assert.Contains(next.Messages, message => message.Content == "请总结这篇文章");
        var later = Assert.Single(Fixture.Model.RequestsAbout("换个话题吧"));
        Assert.DoesNotContain(later.Messages, message => message.Content.Contains("<quoted-material", StringComparison.Ordinal));
        Assert.DoesNotContain(LinkTexts.Instruction, later.Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkOnAPrivateAddressIsAnsweredFromItsTitleAndDescriptionWithANote()
    {
        var guarded = Fixture.StartApplication(settings => settings["allow_private_network_fetch"] = "false").CreateWeChatClient();
        var url = _pages.Serve("/s/inside", KnowledgePages.WeChatArticle("内网文章", Paragraph));

        var reply = await DeliverAsync(guarded, SignedPush.Link("内网文章", "只有摘要可读", url).From(Follower));

        Assert.Equal("回答：请总结这篇文章\n\n（没能打开这篇文章的网页：不能读取内网或本机地址。以上回答只根据分享时附带的标题和摘要。）", reply);
        var material = Assert.Single(Fixture.Model.Requests).Messages[^2].Content;
        Assert.Equal(
            $"{LinkTexts.SummaryHeading("不能读取内网或本机地址")}\n\n<quoted-material source=\"link\">\n《内网文章》 {url}\n只有摘要可读\n</quoted-material>",
            material);
        Assert.DoesNotContain(Paragraph, material, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "网页返回 HTTP 404")]
    [InlineData("slow", "网页 8 秒内没有打开")]
    [InlineData("ftp", "只能读取 http 或 https 链接")]
    public async Task APageThatCannotBeReadIsAnsweredFromTheTitleAndDescription(string page, string reason)
    {
        var url = page switch
        {
            "missing" => new Uri(_pages.BaseAddress, "/s/missing").ToString(),
            "slow" => _pages.Serve("/s/slow", KnowledgePages.WeChatArticle("慢", Paragraph), delay: TimeSpan.FromMinutes(1)),
            _ => "ftp://example.com/article",
        };

        // A slow page outlasts WeChat's first attempt; a retry gets the answer.
        var reply = await DeliverAsync(Fixture.WeChat, SignedPush.Link("读不到的文章", "摘要还在", url).From(Follower));

        Assert.Equal($"回答：请总结这篇文章\n\n（没能打开这篇文章的网页：{reason}。以上回答只根据分享时附带的标题和摘要。）", reply);
        Assert.Contains($"《读不到的文章》 {url}\n摘要还在\n</quoted-material>", Assert.Single(Fixture.Model.Requests).Messages[^2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongArticleIsCutToTheContextBudgetAndTheRecentTurnsKeepSomeRoom()
    {
        var tight = Fixture.StartApplication(settings => settings["max_context_tokens"] = "600").CreateWeChatClient();
        await AskAsync(tight, "先聊一句");
        var url = _pages.Serve("/s/long", KnowledgePages.SitePage("很长的文章", [.. Enumerable.Range(1, 200).Select(number => $"第{number}段：{Paragraph}")]));

        await DeliverAsync(tight, SignedPush.Link("很长的文章", "摘要", url).From(Follower));

        var request = Assert.Single(Fixture.Model.RequestsAbout("请总结这篇文章"));
        Assert.StartsWith(LinkTexts.ArticleHeading(cut: true), request.Messages[^2].Content, StringComparison.Ordinal);
        Assert.Contains("第1段：", request.Messages[^2].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("第200段：", request.Messages[^2].Content, StringComparison.Ordinal);
        Assert.Contains(request.Messages, message => message.Content == "先聊一句");
        Assert.InRange(Fixture.Model.PromptTokens(request), 1, 600);
    }

    [Fact]
    public async Task AnOlderLinksLateRetryDoesNotReplaceANewerLink()
    {
        var older = _pages.Serve("/s/older", KnowledgePages.SitePage("旧文章", "旧文章的正文，讲的是茶叶。"));
        var newer = _pages.Serve("/s/newer", KnowledgePages.SitePage("新文章", Paragraph));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var first = SignedPush.Link("旧文章", "茶叶", older).From(Follower) with { CreateTime = now - 5 };
        await DeliverAsync(Fixture.WeChat, first);
        await DeliverAsync(Fixture.WeChat, SignedPush.Link("新文章", "咖啡", newer).From(Follower) with { CreateTime = now });

        await DeliverAsync(Fixture.WeChat, first);
        await AskAsync(Fixture.WeChat, "这篇讲了什么？");

        Assert.Contains(Paragraph, Assert.Single(Fixture.Model.RequestsAbout("这篇讲了什么？")).Messages[^2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceThatTakesTheAnswerOverReadsTheArticleToo()
    {
        var url = _pages.Serve("/s/takeover", KnowledgePages.WeChatArticle("接管", Paragraph));
        var owner = Fixture.StartApplication();
        var successor = Fixture.StartApplication().CreateWeChatClient();
        var requests = 0;
        // The owner's model call hangs until the owner stops; the successor's is answered.
        Fixture.Model.Reset(new FakeModelBehavior { FirstTokenDelayOf = _ => Interlocked.Increment(ref requests) == 1 ? TimeSpan.FromMinutes(5) : TimeSpan.Zero });
        var platform = new WeChatPlatform(owner.CreateWeChatClient(), successor, successor);

        var delivering = platform.DeliverAsync(SignedPush.Link("接管", "摘要", url).From(Follower));
        await WaitUntilAsync(() => Fixture.Model.Requests.Count == 1);
        await owner.DisposeAsync();
        var delivery = await delivering;

        Assert.InRange(delivery.Attempt, 2, 3);
        Assert.Equal("回答：请总结这篇文章", delivery.Content);
        Assert.Equal(2, Fixture.Model.Requests.Count);
        Assert.All(Fixture.Model.Requests, request => Assert.Contains(Paragraph, request.Messages[^2].Content, StringComparison.Ordinal));
    }

    public async Task InitializeAsync() => _pages = await PageServer.StartAsync();

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    /// <summary>As WeChat delivers a push, retrying it when an attempt gets no reply: a loaded machine may need a second attempt.</summary>
    private static async Task<string> DeliverAsync(WeChatClient weChat, SignedPush push) => (await new WeChatPlatform(weChat).DeliverAsync(push)).Content;

    private Task<string> AskAsync(WeChatClient weChat, string question) => DeliverAsync(weChat, SignedPush.Text(question).From(Follower));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    private async Task ShareLinkAsync(string follower, DateTimeOffset sharedAt, string url)
    {
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        await table.UpsertEntityAsync(new TableEntity(follower, "link") { ["Url"] = url, ["Title"] = "旧", ["Description"] = "", ["SharedAt"] = sharedAt });
    }
}
