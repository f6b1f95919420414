using System.Text.Json;
using Spectre.Console;
using WeChatFunctions.Importer;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>The command-line importer takes a folder or a list of links into the app's knowledge base, and again only what changed.</summary>
public sealed class ImporterTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>, IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("wechat-import-");

    [Fact]
    public async Task AFolderIsImportedOnceAndARunAgainImportsOnlyTheFileThatChanged()
    {
        var folder = _work.CreateSubdirectory("docs");
        folder.CreateSubdirectory("faq");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "hours.md"), "# 营业时间说明\n\n本店**每天**早上八点开门，晚上十点关门。\n\n- 节假日照常营业\n");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "faq", "parking.txt"), "商场地下车库可以停车，消费满五十元免费停车两小时。");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "menu.html"), KnowledgePages.SitePage("秋季菜单", "秋季限定新品是桂花拿铁和栗子蛋糕，从九月一日开始供应，售完即止。每杯桂花拿铁都使用当季的桂花糖浆。"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "photo.jpg"), "not a document");
        var settings = await SettingsFolderAsync();

        var (first, firstCode) = await ImportAsync(folder.FullName, "--settings", settings);
        var embeddings = fixture.Model.Embeddings.Requests.Count;
        var (second, secondCode) = await ImportAsync(folder.FullName, "--settings", settings);
        var embeddingsAgain = fixture.Model.Embeddings.Requests.Count;
        await File.AppendAllTextAsync(Path.Combine(folder.FullName, "faq", "parking.txt"), "\n新能源车位在 B2 层。");
        var (third, _) = await ImportAsync(folder.FullName, "--settings", settings);
        var listed = await AdminConsole.NewAdmin(fixture.Prefer).RunAsync("kb_list");

        Assert.Equal(0, firstCode);
        Assert.Contains("新增 hours.md 《营业时间说明》1 段", first, StringComparison.Ordinal);
        Assert.Contains("新增 menu.html 《秋季菜单", first, StringComparison.Ordinal);
        Assert.Contains("新增 faq/parking.txt 《parking》1 段", first, StringComparison.Ordinal);
        Assert.Contains("完成：新增 3，更新 0，未变化 0，失败 0", first, StringComparison.Ordinal);
        Assert.Equal(0, secondCode);
        Assert.Contains("完成：新增 0，更新 0，未变化 3，失败 0", second, StringComparison.Ordinal);
        Assert.Equal(embeddings, embeddingsAgain);
        Assert.Contains("更新 faq/parking.txt", third, StringComparison.Ordinal);
        Assert.Contains("完成：新增 0，更新 1，未变化 2，失败 0", third, StringComparison.Ordinal);
        Assert.Contains("《营业时间说明》1 段 hours.md", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("photo", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("**", fixture.Model.Embeddings.Requests.SelectMany(request => request.Inputs).Single(input => input.Contains("八点开门", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeeplyNestedFileFailsWithItsReasonAndTheRestOfTheFolderIsImported()
    {
        var folder = _work.CreateSubdirectory("deep");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "deep.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "很深</body></html>");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "notes.txt"), "退货需要在七天内申请，商品保持完好。");

        var (output, code) = await ImportAsync(folder.FullName, "--settings", await SettingsFolderAsync());

        Assert.Equal(1, code);
        Assert.Contains($"失败 deep.html {KnowledgeTexts.TooDeep}", output, StringComparison.Ordinal);
        Assert.Contains("新增 notes.txt 《notes》1 段", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListOfLinksIsFetchedAndABadLineFailsTheRunWithoutStoppingIt()
    {
        var good = fixture.Pages.Serve("/list/coupon", KnowledgePages.WeChatArticle("优惠券规则", "优惠券每单限用一张，不能与会员折扣同时使用。"));
        var list = Path.Combine(_work.FullName, "links.txt");
        await File.WriteAllLinesAsync(list, ["# 公众号文章", good, "", "不是链接"]);

        var (output, code) = await ImportAsync(list, "--settings", await SettingsFolderAsync());

        Assert.Equal(1, code);
        Assert.Contains($"新增 {good} 《优惠券规则》1 段", output, StringComparison.Ordinal);
        Assert.Contains("失败 不是链接 不是文件，也不是 http(s) 链接", output, StringComparison.Ordinal);
        Assert.Contains("完成：新增 1，更新 0，未变化 0，失败 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNothingToImportItSaysWhatItNeeds()
    {
        var (output, code) = await ImportAsync("--settings", await SettingsFolderAsync());

        Assert.NotEqual(0, code);
        Assert.Contains("请给出要导入的文件夹或链接列表，或者使用 --published。", output, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static async Task<(string Output, int ExitCode)> ImportAsync(params string[] args)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var code = await KnowledgeImportCommand.RunAsync(args, console, CancellationToken.None);
        return (output.ToString(), code);
    }

    /// <summary>A local.settings.json for the fixture's storage and model, as an operator keeps one beside the app.</summary>
    private async Task<string> SettingsFolderAsync()
    {
        var folder = _work.CreateSubdirectory("settings-" + Guid.NewGuid().ToString("N")[..6]);
        var values = WeChatApplication.DefaultSettings(fixture.Storage, fixture.Model);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        return folder.FullName;
    }
}
