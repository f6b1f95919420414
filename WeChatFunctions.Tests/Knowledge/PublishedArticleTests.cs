using WeChatFunctions.Simulator;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>A verified account's published articles come into the knowledge base with one command, and again only when they changed.</summary>
public sealed class PublishedArticleTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public async Task KbImportPublishedImportsEveryPublishedArticleAcrossPagesAndSkipsThemWhenUnchanged()
    {
        await using var account = VerifiedAccount.Start();
        for (var number = 1; number <= 23; number++)
        {
            account.Api.Published.Add(new PublishedArticle(
                $"第{number}期门店通讯", $"<section><p>第{number}期通讯：本期介绍第{number}号新品。</p><p>欢迎到店品尝。</p></section>", $"https://mp.weixin.qq.com/s/issue-{number}"));
        }

        var app = fixture.StartApplication(settings => (settings["knowledge_mode"], settings["wechat_app_id"], settings["wechat_app_secret"], settings["wechat_api_base"]) =
            ("prefer", account.AppId, VerifiedAccount.AppSecret, account.Api.BaseAddress.ToString()));
        var admin = AdminConsole.NewAdmin(app.CreateWeChatClient());

        var started = await admin.RunAsync("kb_import_published");
        var listed = await WhenAsync(() => admin.RunAsync("kb_list"), list => list.Contains("知识库（23 篇", StringComparison.Ordinal));
        var embeddingsAfterFirst = fixture.Model.Embeddings.Requests.Count;
        await admin.RunAsync("kb_import_published");
        var stats = await WhenAsync(() => admin.RunAsync("kb_stats"), text => text.Contains("未变化：《第1期门店通讯》没有变化", StringComparison.Ordinal));

        Assert.StartsWith("开始导入公众号已发表的文章", started, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 23), number => Assert.Contains($"第{number}期门店通讯》1 段 https://mp.weixin.qq.com/s/issue-{number}", listed, StringComparison.Ordinal));
        Assert.Contains("未变化", stats, StringComparison.Ordinal);
        Assert.Equal(embeddingsAfterFirst, fixture.Model.Embeddings.Requests.Count);
    }

    [Fact]
    public async Task WithoutTheAppSecretTheCommandSaysWhatIsNeeded()
    {
        var reply = await AdminConsole.NewAdmin(fixture.Prefer).RunAsync("kb_import_published");

        Assert.StartsWith("导入已发表的文章要用微信的接口：请先设置 wechat_app_id 和 wechat_app_secret", reply, StringComparison.Ordinal);
    }

    /// <summary>Reads until <paramref name="done"/> holds, for at most 20 s: the import runs in the background.</summary>
    private static async Task<string> WhenAsync(Func<Task<string>> read, Func<string, bool> done)
    {
        var text = "";
        for (var attempt = 0; attempt < 200 && !done(text); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100);
            text = await read();
        }

        return text;
    }
}
