using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Paging;

/// <summary>Answers longer than one WeChat reply, read page by page with 「继续」.</summary>
public sealed class PagingTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string MoreToFollow = "\n\n（未完，回复「继续」查看后续）";

    [Fact]
    public async Task AFiveThousandCharacterAnswerArrivesInPagesThatTogetherAreTheWholeAnswer()
    {
        var answer = LongAnswer("长回答", 5000);
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => answer, ChunkCharacters = 300 });

        var pages = await ReadAllPagesAsync("给我一个五千字的回答");

        Assert.InRange(pages.Count, 6, 9);
        Assert.All(pages, page => Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, 2048));
        Assert.All(pages[..^1], page => Assert.EndsWith(MoreToFollow, page, StringComparison.Ordinal));
        Assert.Equal(WithoutLineBreaks(answer), WithoutLineBreaks(string.Concat(pages.Select(ReplyPage.TextOf))));
        Assert.Contains(ReplyPage.MarkerOf(pages[0]), new[] { "(1/…)", $"(1/{pages.Count})" });
        Assert.Equal(Enumerable.Range(2, pages.Count - 1).Select(number => $"({number}/{pages.Count})"), pages.Skip(1).Select(ReplyPage.MarkerOf));
        Assert.Equal("没有需要继续查看的内容了，直接发送新问题吧。", await Fixture.WeChat.AskAsync(Follower, "继续"));
        Assert.Single(Fixture.Model.RequestsAbout("给我一个五千字的回答"));
    }

    [Fact]
    public async Task ARetriedContinueGetsTheSamePageNotTheNextOne()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => LongAnswer("重试", 3000), ChunkCharacters = 500 });
        await Fixture.WeChat.AskAsync(Follower, "长问题");
        var next = SignedPush.Text("继续").From(Follower);

        var first = await Fixture.WeChat.PushAsync(next);
        var retry = await Fixture.WeChat.PushAsync(next);
        var after = await Fixture.WeChat.AskAsync(Follower, "继续");

        Assert.Equal(first.Content, retry.Content);
        Assert.NotEqual(first.Content, after);
    }

    [Fact]
    public async Task ANewQuestionIsAnsweredAndMentionsThatTheEarlierAnswerCanBeContinued()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = request => request.LastUserMessage == "长问题" ? LongAnswer("早先", 3000) : "短回答。" });
        var firstPage = await Fixture.WeChat.AskAsync(Follower, "长问题");

        var shortAnswer = await Fixture.WeChat.AskAsync(Follower, "短问题");
        var continued = await Fixture.WeChat.AskAsync(Follower, "Continue");

        Assert.EndsWith(MoreToFollow, firstPage, StringComparison.Ordinal);
        Assert.Equal("短回答。\n\n（上一个回答还有后续，回复「继续」查看）", shortAnswer);
        Assert.Contains("早先", continued, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyPage.TextOf(firstPage), continued, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheContinueKeywordCanBeChangedAndTheUsualWordsStillWork()
    {
        var weChat = Fixture.StartApplication(settings => settings["continue_keyword"] = "下一页").CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => LongAnswer("关键词", 7000), ChunkCharacters = 1000 });

        var first = await weChat.AskAsync(Follower, "长问题");
        var second = await weChat.AskAsync(Follower, "下一页");
        var third = await weChat.AskAsync(Follower, " C ");

        Assert.EndsWith("（未完，回复「下一页」查看后续）", first, StringComparison.Ordinal);
        Assert.EndsWith("（未完，回复「下一页」查看后续）", second, StringComparison.Ordinal);
        Assert.Contains("关键词", third, StringComparison.Ordinal);
        Assert.Single(Fixture.Model.Requests);
    }

    [Fact]
    public async Task PagesSurviveARestartBecauseTheyLiveInStorage()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => LongAnswer("重启", 3000), ChunkCharacters = 500 });
        await Fixture.WeChat.AskAsync(Follower, "长问题");
        var restarted = Fixture.StartApplication().CreateWeChatClient();

        var continued = await restarted.AskAsync(Follower, "继续");

        Assert.Contains("重启", continued, StringComparison.Ordinal);
        Assert.DoesNotContain("没有需要继续", continued, StringComparison.Ordinal);
    }

    private async Task<List<string>> ReadAllPagesAsync(string question)
    {
        var pages = new List<string> { await Fixture.WeChat.AskAsync(Follower, question) };
        while (pages[^1].EndsWith(MoreToFollow, StringComparison.Ordinal) && pages.Count < 20)
        {
            pages.Add(await Fixture.WeChat.AskAsync(Follower, "继续"));
        }

        return pages;
    }

    /// <summary>Numbered paragraphs of mixed Chinese and ASCII sentences, about <paramref name="length"/> characters.</summary>
    private static string LongAnswer(string topic, int length)
    {
        var text = new StringBuilder();
        for (var paragraph = 1; text.Length < length; paragraph++)
        {
            text.Append(paragraph).Append(". ").Append(topic).Append("：第").Append(paragraph).Append("段，讲一个 example 和它的细节。")
                .Append(string.Concat(Enumerable.Repeat("这里再补充一些说明，让段落更长一点。", 1 + (paragraph % 5))))
                .Append("\n\n");
        }

        return text.ToString().Trim();
    }

    private static string WithoutLineBreaks(string text) => text.Replace("\n", "", StringComparison.Ordinal);
}
