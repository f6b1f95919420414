using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Memory;

/// <summary><c>/memory</c>: the follower sees, pages through and deletes what was remembered about them, without the model.</summary>
public sealed class MemoryCommandTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task MemoryListsTheFactsNumberedForgetDeletesOneAndClearDeletesThemAll()
    {
        var application = Fixture.StartApplication();
        var weChat = application.CreateWeChatClient();
        foreach (var fact in new[] { "对花生过敏", "住在杭州", "喜欢简短的回答" })
        {
            await application.RememberAsync(Follower, fact);
        }

        var list = await weChat.AskAsync(Follower, "/memory");
        var forgotten = await weChat.AskAsync(Follower, "/memory forget 2");
        var missing = await weChat.AskAsync(Follower, "/memory forget 9");
        var left = await weChat.AskAsync(Follower, "/MEMORY");
        await weChat.AskAsync(Follower, "删除之后的问题");
        var cleared = await weChat.AskAsync(Follower, "/memory clear");
        var none = await weChat.AskAsync(Follower, "/memory");
        var clearedAgain = await weChat.AskAsync(Follower, "/memory clear");
        await weChat.AskAsync(Follower, "清空之后的问题");

        Assert.Equal("我记住的关于你的事（共 3 条）：\n1. 对花生过敏\n2. 住在杭州\n3. 喜欢简短的回答\n发送 /memory forget 编号 删除一条，/memory clear 全部删除。", list);
        Assert.Equal("已删除第 2 条：住在杭州", forgotten);
        Assert.Equal("没有第 9 条记忆（共 2 条），什么也没有删除。发送 /memory 查看编号。", missing);
        Assert.Equal("我记住的关于你的事（共 2 条）：\n1. 对花生过敏\n2. 喜欢简短的回答\n发送 /memory forget 编号 删除一条，/memory clear 全部删除。", left);
        Assert.Equal("已删除全部 2 条记忆，以后的对话不会再带上它们。", cleared);
        Assert.Equal("我还没有记住关于你的任何事。聊天时对我说「请记住……」，我就会记下来。", none);
        Assert.Equal("没有需要删除的记忆。", clearedAgain);
        Assert.Equal(2, Fixture.Model.Requests.Count);
        Assert.Equal(
            $"{Remembering.FactsOpening}\n这位用户以前让你记住的关于他的事（按记下的先后）：\n1. 对花生过敏\n2. 喜欢简短的回答\n</quoted-material>",
            Remembering.FactsIn(Fixture.Model.Requests[0]));
        Assert.Null(Remembering.FactsIn(Fixture.Model.Requests[1]));
        Assert.Equal(["system", "user", "assistant", "user"], Fixture.Model.Requests[1].Messages.Select(message => message.Role));
        Assert.Null(await Remembering.MemoryRowAsync(Fixture.Storage, Follower));
    }

    [Theory]
    [InlineData("/memory forget")]
    [InlineData("/memory forget 0")]
    [InlineData("/memory forget 一")]
    [InlineData("/memory delete 1")]
    [InlineData("/memory clear all")]
    public async Task ABadArgumentGetsTheUsageAndChangesNothing(string command)
    {
        var application = Fixture.StartApplication();
        await application.RememberAsync(Follower, "对花生过敏");

        var reply = await application.CreateWeChatClient().AskAsync(Follower, command);

        Assert.Equal("用法：/memory 查看我记住的关于你的事；/memory forget 编号 删除一条；/memory clear 全部删除", reply);
        Assert.Contains("对花生过敏", (await Remembering.MemoryRowAsync(Fixture.Storage, Follower))!.GetString("Facts"), StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Fact]
    public async Task FiftyLongFactsAreListedPageByPageEachPageOneWeChatMessage()
    {
        var application = Fixture.StartApplication();
        var weChat = application.CreateWeChatClient();
        for (var number = 1; number <= 50; number++)
        {
            await application.RememberAsync(Follower, $"{number:D2}" + new string('长', 198));
        }

        var pages = new List<string> { await weChat.AskAsync(Follower, "/memory") };
        while (pages[^1].Contains("查看下一页", StringComparison.Ordinal))
        {
            pages.Add(await weChat.AskAsync(Follower, $"/memory {pages.Count + 1}"));
        }

        var beyond = await weChat.AskAsync(Follower, $"/memory {pages.Count + 1}");

        Assert.InRange(pages.Count, 2, 50);
        Assert.All(pages, page => Assert.InRange(Encoding.UTF8.GetByteCount(page), 1, 2048));
        Assert.All(pages, page => Assert.StartsWith("我记住的关于你的事（共 50 条）：\n", page, StringComparison.Ordinal));
        Assert.Contains($"（第 1/{pages.Count} 页，发送 /memory 2 查看下一页）", pages[0], StringComparison.Ordinal);
        Assert.Contains($"（第 {pages.Count}/{pages.Count} 页）", pages[^1], StringComparison.Ordinal);
        var listed = pages.SelectMany(page => page.Split('\n').Where(line => line.Contains('长'))).ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(number => $"{number}. {number:D2}{new string('长', 198)}"), listed);
        Assert.Equal($"记忆只有 {pages.Count} 页。发送 /memory 查看第 1 页。", beyond);
    }

    [Fact]
    public async Task FactsBeyondAQuarterOfTheContextStayStoredAndTheNewestAreSentUnderTheirNumbers()
    {
        var application = Fixture.StartApplication();
        for (var number = 1; number <= 50; number++)
        {
            await application.RememberAsync(Follower, $"{number:D2}" + new string('长', 198));
        }

        await application.CreateWeChatClient().AskAsync(Follower, "你记得我什么");

        var request = Assert.Single(Fixture.Model.Requests);
        var facts = Remembering.FactsIn(request)!;
        Assert.EndsWith($"\n50. 50{new string('长', 198)}\n</quoted-material>", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("\n1. 01", facts, StringComparison.Ordinal);
        Assert.InRange(Fixture.Model.PromptTokens(request), 1, 4000);
        Assert.InRange(Fixture.Model.PromptTokens(new FakeChatRequest("", [request.Messages[1]], false, null, null, "")), 1, (4000 / 4) + 50);
    }

    [Fact]
    public async Task HelpNamesTheMemoryCommands()
    {
        var help = await Fixture.WeChat.AskAsync(Follower, "/help");

        Assert.Contains("/memory：查看我记住的关于你的事；/memory forget 编号 删除一条，/memory clear 全部删除", help, StringComparison.Ordinal);
    }
}
