using WeChatFunctions.Knowledge;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tests.Knowledge;

namespace WeChatFunctions.Tests.Memory;

/// <summary>The facts and the knowledge passages found for a question reach the model together, each in its own fence.</summary>
public sealed class MemoryWithKnowledgeTests : IClassFixture<KnowledgeFixture>
{
    private readonly KnowledgeFixture _fixture;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public MemoryWithKnowledgeTests(KnowledgeFixture fixture)
    {
        _fixture = fixture;
        _fixture.Model.Reset();
    }

    [Fact]
    public async Task FactsAndPassagesAreBothSentFencedAndBothInstructionsAreInTheSystemPrompt()
    {
        var url = _fixture.Pages.Serve("/s/menu", KnowledgePages.WeChatArticle("本店菜单", "招牌菜是宫保鸡丁，含有花生；清蒸鲈鱼不含坚果。"));
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);
        await admin.RunAsync("kb_add", url);
        for (var attempt = 0; attempt < 100 && !(await admin.RunAsync("kb_list")).Contains("《本店菜单》", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100); // imported in the background when the machine is too busy to finish within the command's reply
        }

        await _fixture.PreferApplication.RememberAsync(_follower, "对花生过敏");

        await _fixture.Prefer.AskAsync(_follower, "招牌菜宫保鸡丁我能吃吗？");

        var request = _fixture.Model.Requests.Single();
        Assert.Equal(["system", "user", "user", "user"], request.Messages.Select(message => message.Role));
        Assert.Contains("1. 对花生过敏", Remembering.FactsIn(request), StringComparison.Ordinal);
        Assert.StartsWith(KnowledgeTexts.MaterialHeading + "\n\n<quoted-material source=\"knowledge\">", request.Messages[2].Content, StringComparison.Ordinal);
        Assert.Contains("招牌菜是宫保鸡丁，含有花生", request.Messages[2].Content, StringComparison.Ordinal);
        Assert.Contains(KnowledgeTexts.PreferInstruction, request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("source=\"memory\" 的引用资料", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("花生", request.Messages[0].Content, StringComparison.Ordinal);
    }
}
