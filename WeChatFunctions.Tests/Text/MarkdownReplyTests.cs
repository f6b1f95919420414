using System.Text;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Text;

namespace WeChatFunctions.Tests.Text;

/// <summary>A Markdown answer end to end: the follower's pages carry no Markdown, and numbered pages join to the converted text.</summary>
public sealed class MarkdownReplyTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private static readonly string MarkdownAnswer = string.Concat(Enumerable.Range(1, 12).Select(section => $"""
        ## 第{section}部分

        这一部分讲**重点内容**和*次要内容*，参见[文档](https://example.com/{section})。

        - 要点一：`dotnet run`
        - 要点二：很长的解释，很长的解释，很长的解释，很长的解释。

        ```csharp
        var section = {section};
        Console.WriteLine(section);
        ```

        | 名称 | 值 |
        |---|---|
        | 第{section}项 | **{section * 10}** |


        """));

    [Fact]
    public async Task AMarkdownAnswerReachesTheFollowerAsNumberedPagesWithoutMarkers()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => MarkdownAnswer, ChunkCharacters = 50 });

        var pages = new List<string> { await Fixture.WeChat.AskAsync(Follower, "用 Markdown 回答") };
        while (pages[^1].Contains("（未完", StringComparison.Ordinal) && pages.Count < 20)
        {
            pages.Add(await Fixture.WeChat.AskAsync(Follower, "继续"));
        }

        Assert.InRange(pages.Count, 2, 19);
        foreach (var marker in new[] { "**", "##", "```", "|---", "](", "`" })
        {
            Assert.All(pages, page => Assert.DoesNotContain(marker, page, StringComparison.Ordinal));
        }

        Assert.All(pages, page => Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, 2048));
        Assert.Equal(Enumerable.Range(2, pages.Count - 1).Select(number => $"({number}/{pages.Count})"), pages.Skip(1).Select(ReplyPage.MarkerOf));
        Assert.Equal(WithoutWhiteSpace(MarkdownStream.ToText(MarkdownAnswer)), WithoutWhiteSpace(string.Concat(pages.Select(ReplyPage.TextOf))));
        Assert.Contains("【第1部分】", pages[0], StringComparison.Ordinal);
        Assert.Contains("参见文档 (https://example.com/1)", pages[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistoryKeepsTheModelsMarkdown()
    {
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "**加粗的回答**" });

        var reply = await Fixture.WeChat.AskAsync(Follower, "加粗");
        await Fixture.WeChat.AskAsync(Follower, "下一个问题");

        Assert.Equal("加粗的回答", reply);
        Assert.Contains(Assert.Single(Fixture.Model.RequestsAbout("下一个问题")).Messages, message => message.Content == "**加粗的回答**");
    }

    [Fact]
    public async Task WithReplyFormatRawTheMarkdownIsSentAsWritten()
    {
        var weChat = Fixture.StartApplication(settings => settings["reply_format"] = "raw").CreateWeChatClient();
        Fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "## 标题\n\n**原样**" });

        Assert.Equal("## 标题\n\n**原样**", await weChat.AskAsync(Follower, "原样输出"));
    }

    [Fact]
    public void APageNeverSplitsACodeLineOrATableRow()
    {
        var lines = Enumerable.Range(1, 120).Select(line => line % 3 == 0 ? $"第{line}行 | 值{line} | 说明说明说明" : $"    var value{line} = Compute({line}, \"参数\"); // 注释。注释。").ToList();
        var text = MarkdownStream.ToText("```\n" + string.Join('\n', lines.Where((_, index) => index % 3 != 2)) + "\n```\n\n| a | b | c |\n|---|---|---|\n" + string.Join('\n', lines.Where((_, index) => index % 3 == 2).Select(row => $"| {row} |")));
        var wholeLines = text.Split('\n').ToHashSet();

        var pages = Utf8Pages.Split(text);

        Assert.True(pages.Count > 1);
        Assert.All(pages, page => Assert.All(page.TrimEnd('\n').Split('\n'), line => Assert.Contains(line, wholeLines)));
    }

    private static string WithoutWhiteSpace(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));
}
