using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>
/// Both stores rank the corpus's answers into the top 4 for each of its questions, keep within
/// <c>knowledge_min_score</c>, replace a changed document's chunks and drop a removed one's.
/// </summary>
public sealed class RetrievalTests(RetrievalFixture fixture) : IClassFixture<RetrievalFixture>
{
    [Theory]
    [InlineData(RetrievalFixture.Embedded)]
    [InlineData(RetrievalFixture.AzureSearch)]
    [InlineData(RetrievalFixture.SemanticSearch)]
    public async Task EachQuestionFindsItsAnswerAmongTheTopFour(string store)
    {
        var services = await fixture.WithCorpusAsync(store);
        var misses = new List<string>();

        foreach (var (question, answer) in KnowledgeCorpus.Questions)
        {
            var top = await SearchAsync(services, question, 4);
            if (!top.Contains(KnowledgeCorpus.Documents[answer].Title))
            {
                misses.Add($"{question} → {string.Join("、", top)}");
            }
        }

        Assert.Empty(misses);
    }

    [Theory]
    [InlineData(RetrievalFixture.Embedded)]
    [InlineData(RetrievalFixture.AzureSearch)]
    public async Task AChangedDocumentIsSearchedInItsNewFormAndARemovedOneNotAtAll(string store)
    {
        var services = await fixture.WithCorpusAsync(store);
        var importer = services.GetRequiredService<KnowledgeImporter>();
        var source = $"https://example.com/{store}/changing";
        var long1 = new ExtractedArticle("临时通知", string.Join("\n", Enumerable.Range(1, 40).Select(day => $"第{day}天的临时通知：门店装修期间，外带窗口照常开放，堂食区域暂停使用，给大家带来不便敬请谅解。")));

        var first = await importer.ImportAsync(source, long1, CancellationToken.None);
        var unchanged = await importer.ImportAsync(source, long1, CancellationToken.None);
        var changed = await importer.ImportAsync(source, new ExtractedArticle("临时通知", "装修已经结束，堂食区域恢复开放。"), CancellationToken.None);
        var found = await SearchTextsAsync(services, "堂食区域什么时候开放？");
        await services.GetRequiredService<KnowledgeAdministration>().RemoveAsync(source, CancellationToken.None);
        var afterRemoval = await SearchTextsAsync(services, "堂食区域什么时候开放？");

        Assert.Equal(ImportStatus.Added, first.Status);
        Assert.Equal(ImportStatus.Unchanged, unchanged.Status);
        Assert.Equal(ImportStatus.Updated, changed.Status);
        Assert.Contains("装修已经结束，堂食区域恢复开放。", found);
        Assert.DoesNotContain(found, text => text.Contains("外带窗口照常开放", StringComparison.Ordinal));
        Assert.DoesNotContain(afterRemoval, text => text.Contains("堂食", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSearchServiceIsCalledAsItsRestApiDocumentsAndTheIndexIsCreatedOnce()
    {
        var services = await fixture.WithCorpusAsync(RetrievalFixture.AzureSearch);

        await SearchAsync(services, "积分可以抵扣多少钱？", 4);

        var requests = fixture.Search.Requests;
        Assert.All(requests, request => Assert.Equal(FakeSearchServer.ApiVersion, request.ApiVersion));
        var first = requests.First(request => request.Path.Contains("('wechat-knowledge')", StringComparison.Ordinal) || request.Body.Contains("\"name\":\"wechat-knowledge\"", StringComparison.Ordinal));
        Assert.Equal("GET /indexes('wechat-knowledge')", first.Method + " " + first.Path);
        Assert.Single(requests, request => request.Method == "POST" && request.Path == "/indexes" && request.Body.Contains("\"name\":\"wechat-knowledge\"", StringComparison.Ordinal));
        var index = fixture.Search.Index("wechat-knowledge")!.Definition.ToJsonString();
        Assert.Contains("\"dimensions\":256", index, StringComparison.Ordinal);
        Assert.Contains("\"analyzer\":\"zh-Hans.lucene\"", index, StringComparison.Ordinal);
        Assert.Contains("\"metric\":\"cosine\"", index, StringComparison.Ordinal);
        Assert.InRange(fixture.Search.Index("wechat-knowledge")!.DocumentCount, KnowledgeCorpus.Documents.Count, KnowledgeCorpus.Documents.Count + 2); // a chunk each
        Assert.Contains(requests, request => request.Path == "/indexes('wechat-knowledge')/docs/search.index" && request.Body.Contains("\"@search.action\":\"mergeOrUpload\"", StringComparison.Ordinal));
        var search = requests.Last(request => request.Path == "/indexes('wechat-knowledge')/docs/search.post.search").Body;
        Assert.Contains("\"search\":\"积分可以抵扣多少钱？\"", search, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"vector\"", search, StringComparison.Ordinal);
        Assert.Contains("\"k\":4", search, StringComparison.Ordinal);
        Assert.DoesNotContain("semantic", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheSemanticRankerTheQueryAsksForItByTheIndexsConfiguration()
    {
        var services = await fixture.WithCorpusAsync(RetrievalFixture.SemanticSearch);

        await SearchAsync(services, "怎么申请电子发票？", 4);

        var search = fixture.Search.Requests.Last(request => request.Path.EndsWith("/docs/search.post.search", StringComparison.Ordinal)).Body;
        Assert.Contains("\"queryType\":\"semantic\"", search, StringComparison.Ordinal);
        Assert.Contains("\"semanticConfiguration\":\"knowledge\"", search, StringComparison.Ordinal);
    }

    private static async Task<List<string>> SearchAsync(IServiceProvider services, string question, int top) =>
        [.. (await SearchPassagesAsync(services, question, top)).Select(passage => passage.Title)];

    private static async Task<List<string>> SearchTextsAsync(IServiceProvider services, string question) =>
        [.. (await SearchPassagesAsync(services, question, 4)).Select(passage => passage.Chunk.Text)];

    private static async Task<IReadOnlyList<KnowledgePassage>> SearchPassagesAsync(IServiceProvider services, string question, int top)
    {
        var (vectors, _) = await services.GetRequiredService<KnowledgeEmbedder>().EmbedAsync([question], CancellationToken.None);
        return await services.GetRequiredService<IPassageIndex>().SearchAsync(question, vectors[0], top, CancellationToken.None);
    }
}
