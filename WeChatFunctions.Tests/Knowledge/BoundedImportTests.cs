using System.Diagnostics;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>A page built to be expensive is refused within the fetch deadline, with a reason, while followers are answered.</summary>
public sealed class BoundedImportTests : IClassFixture<KnowledgeFixture>
{
    private readonly KnowledgeFixture _fixture;
    private readonly ITestOutputHelper _output;

    public BoundedImportTests(KnowledgeFixture fixture, ITestOutputHelper output)
    {
        (_fixture, _output) = (fixture, output);
        _fixture.Model.Reset();
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(200_000)]
    public async Task ADeeplyNestedPageIsRefusedWithinTheFetchDeadlineWhileAFollowerIsAnswered(int depth)
    {
        var url = _fixture.Pages.Serve($"/deep/{depth}", NestedPage(depth));
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);
        var clock = Stopwatch.StartNew();

        var added = admin.RunAsync("kb_add", url);
        var answer = await _fixture.Prefer.AskAsync(WeChatClient.NewFollowerId(), "今天天气怎么样？");
        await added;
        var stats = await ImportEndedAsync(admin, url);

        _output.WriteLine($"{depth} nested divs: the import ended after {clock.ElapsedMilliseconds} ms");
        Assert.Equal("回答：今天天气怎么样？", answer);
        Assert.Contains($"失败：{KnowledgeTexts.TooDeep}：{url}", stats, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Model.Embeddings.Requests, request => request.Inputs.Any(input => input.Contains("很深的文字", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task APageWithMoreTextThanTheCapIsRefused()
    {
        var paragraphs = Enumerable.Range(0, 600).Select(number => $"第{number}段：" + new string('长', 1_000)).ToArray();
        var url = _fixture.Pages.Serve("/long/text", KnowledgePages.WeChatArticle("很长的文章", paragraphs));
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);

        await admin.RunAsync("kb_add", url);
        var stats = await ImportEndedAsync(admin, url);

        Assert.Contains($"失败：{KnowledgeTexts.TooLong}：{url}", stats, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Model.Embeddings.Requests, request => request.Inputs.Any(input => input.Contains("长长长", StringComparison.Ordinal)));
    }

    /// <summary>Polls kb_stats until the import of <paramref name="url"/> has ended, for longer than the fetch deadline.</summary>
    private static async Task<string> ImportEndedAsync(AdminConsole admin, string url)
    {
        var ended = "";
        for (var attempt = 0; attempt < 300 && ended.Length == 0; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100);
            ended = string.Join('\n', (await admin.RunAsync("kb_stats")).Split('\n').Where(line => line.EndsWith(url, StringComparison.Ordinal) && !line.Contains("导入中", StringComparison.Ordinal)));
        }

        return ended;
    }

    private static string NestedPage(int depth) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>很深的页面</title></head><body>"
        + string.Concat(Enumerable.Repeat("<div>", depth)) + "很深的文字" + string.Concat(Enumerable.Repeat("</div>", depth))
        + "</body></html>";
}
