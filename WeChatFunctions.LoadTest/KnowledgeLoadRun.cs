using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// The knowledge base's numbers: hits at 1 and 4 on the corpus's ten questions and query latency, for each store;
/// then the embedded store at scale, with <c>chunks</c> chunks of 256 dimensions: the time to load them into an
/// instance, the memory they take there, and the latency of a search over all of them.
/// </summary>
internal static class KnowledgeLoadRun
{
    private const int Dimensions = 256;

    private const int ChunksPerDocument = 100;

    private const int Queries = 200;

    public static async Task<int> RunAsync(int chunks)
    {
        await using var storage = await AzuriteServer.StartAsync();
        await using var model = await FakeModelServer.StartAsync();
        await using var search = await FakeSearchServer.StartAsync();
        var allFound = true;
        foreach (var store in new[] { "embedded", "azure-search" })
        {
            var settings = WeChatApplication.DefaultSettings(storage, model);
            settings["knowledge_mode"] = "prefer";
            settings["Logging:LogLevel:Default"] = "Warning";
            if (store == "azure-search")
            {
                (settings["knowledge_search_endpoint"], settings["knowledge_search_key"]) = (search.Endpoint.ToString(), FakeSearchServer.AdminKey);
            }

            await using var app = new WeChatApplication(settings, services => services.AddHttpClient(AzureSearchPassageIndex.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => LoopbackCertificate.TrustingOnly(search.Certificate)));
            allFound &= await MeasureCorpusAsync(store, app.Services);
        }

        await using var scaleStorage = await AzuriteServer.StartAsync();
        var scaleSettings = WeChatApplication.DefaultSettings(scaleStorage, model);
        (scaleSettings["knowledge_mode"], scaleSettings["Logging:LogLevel:Default"]) = ("prefer", "Warning");
        await using var scaleApp = new WeChatApplication(scaleSettings);
        await MeasureScaleAsync(scaleApp.Services, chunks);
        return allFound ? 0 : 1;
    }

    private static async Task<bool> MeasureCorpusAsync(string store, IServiceProvider services)
    {
        var importer = services.GetRequiredService<KnowledgeImporter>();
        foreach (var (title, text) in KnowledgeCorpus.Documents)
        {
            await importer.ImportAsync($"https://example.com/{store}/{title}", new ExtractedArticle(title, text), CancellationToken.None);
        }

        var embedder = services.GetRequiredService<KnowledgeEmbedder>();
        var index = services.GetRequiredService<IPassageIndex>();
        var (atOne, atFour) = (0, 0);
        var latencies = new List<double>();
        for (var round = 0; round < Queries / KnowledgeCorpus.Questions.Count; round++)
        {
            foreach (var (question, answer) in KnowledgeCorpus.Questions)
            {
                var (vectors, _) = await embedder.EmbedAsync([question], CancellationToken.None);
                var started = Stopwatch.GetTimestamp();
                var found = await index.SearchAsync(question, vectors[0], 4, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (round == 0)
                {
                    atOne += found.Count > 0 && found[0].Title == KnowledgeCorpus.Documents[answer].Title ? 1 : 0;
                    atFour += found.Any(passage => passage.Title == KnowledgeCorpus.Documents[answer].Title) ? 1 : 0;
                }
            }
        }

        Console.WriteLine(Invariant($"{store}: hits@1 {atOne}/{KnowledgeCorpus.Questions.Count}, hits@4 {atFour}/{KnowledgeCorpus.Questions.Count}; search p50 {Percentile(latencies, 50):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms over {latencies.Count} queries ({index.Describe()})"));
        return atFour == KnowledgeCorpus.Questions.Count;
    }

    private static async Task MeasureScaleAsync(IServiceProvider services, int chunks)
    {
        var catalog = services.GetRequiredService<IKnowledgeCatalog>();
        var index = services.GetRequiredService<IPassageIndex>();
        var random = new Random(20261130);
        var text = string.Concat(Enumerable.Repeat("门店会员可以在每周三享受饮品八折优惠，积分可以兑换咖啡豆和周边礼品。", 10));
        var writing = Stopwatch.GetTimestamp();
        for (var first = 0; first < chunks; first += ChunksPerDocument)
        {
            var count = Math.Min(ChunksPerDocument, chunks - first);
            var document = new KnowledgeDocument(KnowledgeDocument.IdOf($"scale-{first}"), $"文档 {first / ChunksPerDocument}", $"https://example.com/scale/{first}", "hash", count, 0, DateTimeOffset.UtcNow);
            var embedded = Enumerable.Range(0, count).Select(at => new EmbeddedChunk(new KnowledgeChunk(document.Id, at, text), RandomUnitVector(random))).ToList();
            await index.StoreAsync(document, embedded, 0, CancellationToken.None);
            await catalog.SaveAsync(document, CancellationToken.None);
        }

        var written = Stopwatch.GetElapsedTime(writing);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var query = RandomUnitVector(random);
        var loading = Stopwatch.GetTimestamp();
        await index.SearchAsync("积分", query, 4, CancellationToken.None);
        var loaded = Stopwatch.GetElapsedTime(loading);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var latencies = new List<double>();
        for (var round = 0; round < Queries; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await index.SearchAsync("积分", RandomUnitVector(random), 4, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine(Invariant($"embedded at scale: {chunks} chunks of {Dimensions} dimensions in {chunks / ChunksPerDocument} documents, written in {written.TotalSeconds:0.0} s"));
        Console.WriteLine(Invariant($"  first search (loads every vector): {loaded.TotalMilliseconds:0} ms; managed memory +{(after - before) / 1024.0 / 1024.0:0.0} MB ({index.Describe()})"));
        Console.WriteLine(Invariant($"  search over all of them, 4 passages read: p50 {Percentile(latencies, 50):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms over {Queries} queries"));
    }

    private static float[] RandomUnitVector(Random random)
    {
        var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var length = MathF.Sqrt(vector.Sum(value => value * value));
        return [.. vector.Select(value => value / length)];
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
