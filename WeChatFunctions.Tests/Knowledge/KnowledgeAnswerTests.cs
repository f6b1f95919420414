using WeChatFunctions.Knowledge;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Knowledge;

/// <summary>Articles added from WeChat answer followers' questions, with their sources; <c>only</c> and <c>prefer</c> differ when nothing matches.</summary>
public sealed class KnowledgeAnswerTests : IClassFixture<KnowledgeFixture>
{
    private readonly KnowledgeFixture _fixture;
    private readonly string _follower = WeChatClient.NewFollowerId();

    public KnowledgeAnswerTests(KnowledgeFixture fixture)
    {
        _fixture = fixture;
        _fixture.Model.Reset();
    }

    [Fact]
    public async Task AnArticleAddedFromWeChatAnswersWithItsPassageInThePromptAndItsSourceAtTheEnd()
    {
        var url = _fixture.Pages.Serve("/s/hours", KnowledgePages.WeChatArticle(
            "门店营业须知", "本店营业时间为每天早上九点到晚上十点，节假日照常营业。", "门店地址在人民路一百号，地铁二号线人民广场站步行五分钟。"));
        var added = await AdminConsole.NewAdmin(_fixture.Prefer).RunAsync("kb_add", url);
        _fixture.Model.Reset(new FakeModelBehavior { Answer = QuotingWhenGiven("早上九点到晚上十点", "本店营业时间为每天早上九点到晚上十点，节假日照常营业。") });

        var answer = await _fixture.Prefer.AskAsync(_follower, "你们的营业时间是几点到几点？");

        Assert.StartsWith("已导入《门店营业须知》1 段", added, StringComparison.Ordinal);
        Assert.Equal($"本店营业时间为每天早上九点到晚上十点，节假日照常营业。\n\n参考：《门店营业须知》 {url}", answer);
        var request = _fixture.Model.Requests.Single();
        var material = Material(request);
        Assert.Contains(KnowledgeTexts.PreferInstruction, request.Messages[0].Content, StringComparison.Ordinal);
        Assert.DoesNotContain("本店营业时间", request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains($"[1]《门店营业须知》 {url}\n本店营业时间为每天早上九点到晚上十点，节假日照常营业。\n门店地址在人民路一百号", material, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ScriptMarker, material, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ChromeMarker, material, StringComparison.Ordinal);
        Assert.All(_fixture.Model.Embeddings.Requests, request =>
        {
            Assert.Equal("text-embedding-3-small", request.Model);
            Assert.Equal(256, request.Dimensions);
            Assert.Equal("Bearer sk-test-0123456789abcdef", request.Authorization); // the chat model's credentials
        });
    }

    [Fact]
    public async Task ThePassagesCountInTheTokenBudgetAndTheHistoryIsTrimmedBeforeThem()
    {
        var tight = _fixture.StartApplication(settings => (settings["knowledge_mode"], settings["max_context_tokens"]) = ("prefer", "500")).CreateWeChatClient();
        await AdminConsole.NewAdmin(tight).RunAsync("kb_add", _fixture.Pages.Serve("/s/delivery", KnowledgePages.WeChatArticle(
            "外卖配送说明", "外卖配送范围是门店周边三公里以内，满三十元起送，配送费五元，通常四十分钟内送达。雨雪天气配送时间可能延长，请耐心等待。")));
        var filler = string.Concat(Enumerable.Repeat("请你详细地讲一讲这个城市的历史和文化。", 6));
        await tight.AskAsync(_follower, "第一个问题：" + filler);
        await tight.AskAsync(_follower, "第二个问题：" + filler);

        await tight.AskAsync(_follower, "外卖配送范围是多少公里？");

        var request = _fixture.Model.Requests[^1];
        Assert.Contains("外卖配送范围是门店周边三公里以内", Material(request), StringComparison.Ordinal);
        Assert.DoesNotContain(request.Messages, message => message.Content.StartsWith("第一个问题", StringComparison.Ordinal));
        Assert.InRange(request.PromptTokens, 1, 500);
    }

    [Fact]
    public async Task ALargePageIsRefusedAndASlowOneFinishesInTheBackgroundAndShowsInKbStats()
    {
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);
        var large = _fixture.Pages.Serve("/s/large", KnowledgePages.WeChatArticle("超大页面", new string('大', 2 * 1024 * 1024)));
        var slow = _fixture.Pages.Serve("/s/slow", KnowledgePages.WeChatArticle("慢速页面", "这个页面的服务器要四秒才回应，导入在后台完成。"), delay: TimeSpan.FromSeconds(4));

        var refused = await admin.RunAsync("kb_add", large);
        var pending = await admin.RunAsync("kb_add", slow);
        var stats = "";
        for (var attempt = 0; attempt < 100 && !stats.Contains("成功：《慢速页面》", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            stats = await admin.RunAsync("kb_stats");
        }

        Assert.Equal($"导入失败：网页超过 5 MB。\n{large}", refused);
        Assert.StartsWith($"正在导入 {slow}（编号 d", pending, StringComparison.Ordinal);
        Assert.Contains("成功：《慢速页面》1 段", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportTheDaysTokenBudgetCannotCoverIsRefused()
    {
        var capped = _fixture.StartApplication(settings => (settings["knowledge_mode"], settings["max_answer_tokens"], settings["global_daily_token_limit"]) = ("prefer", "16", "100"));
        var url = _fixture.Pages.Serve("/s/budget", KnowledgePages.WeChatArticle("很长的规章", [.. Enumerable.Range(1, 40).Select(number => $"第{number}条：会员在门店消费时可以累计积分并兑换礼品，积分不能转让。")]));

        var refused = await AdminConsole.NewAdmin(capped.CreateWeChatClient()).RunAsync("kb_add", url);

        Assert.StartsWith("导入失败：今天的全局 token 额度不够嵌入这篇文档（约 ", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Model.Embeddings.Requests, request => request.Inputs.Any(input => input.Contains("积分不能转让", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnOrdinaryPageIsImportedWithoutItsNavigationAndFooter()
    {
        var url = _fixture.Pages.Serve("/blog/beans", KnowledgePages.SitePage(
            "咖啡豆烘焙说明",
            "我们的咖啡豆每周一在上海烘焙，烘焙后七天内发货，保证新鲜。这样做是为了让每一位顾客都能喝到风味最好的咖啡。",
            "中度烘焙的豆子适合做拿铁，深度烘焙的豆子适合做意式浓缩。如果你不确定该选哪一种，可以在门店请咖啡师推荐。",
            "开封后请密封避光保存，并在一个月内喝完。不建议把咖啡豆放进冰箱，因为反复取出会让豆子受潮。"));
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);
        var added = await admin.RunAsync("kb_add", url);

        await _fixture.Prefer.AskAsync(_follower, "咖啡豆是什么时候烘焙的？");

        Assert.StartsWith("已导入《咖啡豆烘焙说明", added, StringComparison.Ordinal);
        var system = Material(_fixture.Model.Requests.Single());
        Assert.Contains("我们的咖啡豆每周一在上海烘焙", system, StringComparison.Ordinal);
        Assert.Contains("开封后请密封避光保存", system, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ChromeMarker, system, StringComparison.Ordinal);
        Assert.DoesNotContain(KnowledgePages.ScriptMarker, system, StringComparison.Ordinal);
        Assert.Contains("咖啡豆烘焙说明", await admin.RunAsync("kb_list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InOnlyModeAQuestionNothingMatchesGetsAFixedReplyWithoutAModelCallOrACharge()
    {
        var answer = await _fixture.Only.AskAsync(_follower, "火星上有没有液态水？");

        Assert.Equal(KnowledgeTexts.NothingFound, answer);
        Assert.Empty(_fixture.Model.Requests);
        Assert.Contains(_fixture.Model.Embeddings.Requests, request => request.Inputs.Contains("火星上有没有液态水？"));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
    }

    [Fact]
    public async Task InPreferModeAQuestionNothingMatchesIsAnsweredFromGeneralKnowledgeWithoutSources()
    {
        var answer = await _fixture.Prefer.AskAsync(_follower, "火星上有没有液态水？");

        Assert.Equal("回答：火星上有没有液态水？", answer);
        Assert.DoesNotContain(KnowledgeTexts.PreferInstruction, _fixture.Model.Requests.Single().Messages[0].Content, StringComparison.Ordinal);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
    }

    [Fact]
    public async Task InOnlyModeTheModelIsToldToKeepToThePassagesAndAnAnswerThatUsedNoneNamesNoSource()
    {
        var admin = AdminConsole.NewAdmin(_fixture.Only);
        await admin.RunAsync("kb_add", _fixture.Pages.Serve("/s/wifi", KnowledgePages.WeChatArticle("无线网络说明", "门店无线网络名称是 Cafe-Guest，密码写在收银台旁边的小黑板上。")));
        _fixture.Model.Reset(new FakeModelBehavior { Answer = _ => "资料中没有相关内容。" });

        var answer = await _fixture.Only.AskAsync(_follower, "门店无线网络的速度快不快？");

        Assert.Equal("资料中没有相关内容。", answer);
        var request = _fixture.Model.Requests.Single();
        Assert.Contains(KnowledgeTexts.OnlyInstruction, request.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Cafe-Guest", Material(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbRemoveTakesADocumentOutOfTheAnswersAtOnce()
    {
        var admin = AdminConsole.NewAdmin(_fixture.Only);
        var url = _fixture.Pages.Serve("/s/pets", KnowledgePages.WeChatArticle("宠物友好政策", "小型宠物可以进入门店的户外区域，请全程牵绳。"));
        var added = await admin.RunAsync("kb_add", url);
        var id = added[(added.IndexOf("编号 ", StringComparison.Ordinal) + 3)..].TrimEnd('）', '。');
        _fixture.Model.Reset(new FakeModelBehavior { Answer = QuotingWhenGiven("户外区域", "小型宠物可以进入门店的户外区域。") });
        var before = await _fixture.Only.AskAsync(_follower, "可以带宠物进门店吗？");

        var removed = await admin.RunAsync("kb_remove", id);
        var again = await admin.RunAsync("kb_remove", url);
        var after = await _fixture.Only.AskAsync(_follower, "可以带宠物进门店吗？");

        Assert.Equal($"小型宠物可以进入门店的户外区域。\n\n参考：《宠物友好政策》 {url}", before);
        Assert.Equal($"已从知识库删除《宠物友好政策》（{id}，1 段）。", removed);
        Assert.StartsWith("知识库里没有编号、链接或路径是", again, StringComparison.Ordinal);
        Assert.DoesNotContain("宠物友好政策", after, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Model.Requests.Skip(1), request => Material(request).Contains("户外区域", StringComparison.Ordinal));
        Assert.DoesNotContain("宠物友好政策", await admin.RunAsync("kb_list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheEmbeddingModelFailsOnlyModeSaysSoWithoutAChargeAndPreferModeAnswersAnyway()
    {
        _fixture.Model.Embeddings.FailureStatus = 503;

        var only = await _fixture.Only.AskAsync(_follower, "会员积分怎么算？");
        var prefer = await _fixture.Prefer.AskAsync(_follower, "会员积分怎么算？");

        Assert.Equal(KnowledgeTexts.Unavailable, only);
        Assert.Equal("回答：会员积分怎么算？", prefer);
        Assert.Single(_fixture.Model.Requests);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(_fixture.Storage, _follower));
    }

    [Fact]
    public async Task ImportsThatFailSayWhyAndKbStatsShowsThemBesideTheSizeAndTheSettings()
    {
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);
        var missing = new Uri(_fixture.Pages.BaseAddress, "/s/missing").ToString();

        var notFound = await admin.RunAsync("kb_add", missing);
        var notAUrl = await admin.RunAsync("kb_add", "营业时间");
        var stats = await admin.RunAsync("kb_stats");

        Assert.Equal($"导入失败：网页返回 HTTP 404。\n{missing}", notFound);
        Assert.StartsWith("用法：kb_add", notAUrl, StringComparison.Ordinal);
        Assert.Matches(@"^知识库：\d+ 篇文档，\d+ 段，嵌入共 \d+ token\n模式 prefer，每问取 4 段，最低相似度 0\.10，嵌入模型 text-embedding-3-small（256 维）\n存储：应用自己的存储账户", stats);
        Assert.Contains($"失败：网页返回 HTTP 404：{missing}", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageOnAPrivateAddressIsRefusedUnlessTheOperatorAllowsIt()
    {
        var guarded = _fixture.StartApplication(settings => (settings["knowledge_mode"], settings["allow_private_network_fetch"]) = ("prefer", "false")).CreateWeChatClient();
        var url = _fixture.Pages.Serve("/s/inside", KnowledgePages.WeChatArticle("内网文章", "不应被导入的内容。"));

        var refused = await AdminConsole.NewAdmin(guarded).RunAsync("kb_add", url);

        Assert.Equal($"导入失败：不能导入内网或本机地址。\n{url}", refused);
    }

    [Theory]
    [InlineData("[64:ff9b::7f00:1]")] // NAT64 to 127.0.0.1
    [InlineData("[2002:7f00:1::1]")] // 6to4 from 127.0.0.1
    [InlineData("[::ffff:0:7f00:1]")] // IPv4-translated 127.0.0.1
    [InlineData("168.63.129.16")] // Azure's platform endpoint
    [InlineData("198.18.0.1")]
    public async Task AnAddressThatLeadsInsideIsRefusedBeforeAnyConnection(string host)
    {
        var guarded = _fixture.StartApplication(settings => (settings["knowledge_mode"], settings["allow_private_network_fetch"]) = ("prefer", "false")).CreateWeChatClient();
        var url = $"http://{host}:{_fixture.Pages.BaseAddress.Port}/s/inside";

        var refused = await AdminConsole.NewAdmin(guarded).RunAsync("kb_add", url);

        Assert.Equal($"导入失败：不能导入内网或本机地址。\n{new Uri(url)}", refused);
    }

    [Fact]
    public async Task EmbeddingTokensCountInTheStatisticsOfTheDay()
    {
        var admin = AdminConsole.NewAdmin(_fixture.Prefer);
        await admin.RunAsync("kb_add", _fixture.Pages.Serve("/s/tokens", KnowledgePages.WeChatArticle("发票说明", "电子发票在小程序订单页面申请。")));

        var statistics = await admin.StatisticsShowingAsync("知识库嵌入 token");

        Assert.Matches("今天：.*知识库嵌入 token [1-9]", statistics);
    }

    [Fact]
    public async Task WithAnEmbeddingPriceTheSpendEstimateCountsEmbeddingTokens()
    {
        var priced = AdminConsole.NewAdmin(_fixture.StartApplication(settings => (settings["knowledge_mode"], settings["price_per_1k_embedding_tokens"]) = ("prefer", "1000")).CreateWeChatClient());
        await priced.RunAsync("kb_add", _fixture.Pages.Serve("/s/priced", KnowledgePages.WeChatArticle("价格说明", "嵌入也要花钱。")));

        var statistics = await priced.StatisticsShowingAsync("知识库嵌入 token");

        Assert.Matches(@"估算花费（USD）：今天 [1-9]\d*\.\d{4}", statistics);
    }

    [Fact]
    public async Task ANewInstanceLoadsTheVectorsAsItStartsBeforeAnyQuestion()
    {
        await AdminConsole.NewAdmin(_fixture.Prefer).RunAsync("kb_add", _fixture.Pages.Serve("/s/warm", KnowledgePages.WeChatArticle("预热说明", "新实例启动时就读入全部向量。")));
        var admin = AdminConsole.NewAdmin(_fixture.StartApplication(settings => settings["knowledge_mode"] = "prefer").CreateWeChatClient());

        var stats = "";
        for (var attempt = 0; attempt < 100 && !LoadedChunks().IsMatch(stats); attempt++)
        {
            await Task.Delay(100);
            stats = await admin.RunAsync("kb_stats");
        }

        Assert.Matches(LoadedChunks(), stats);
        Assert.Empty(_fixture.Model.Requests);
    }

    private static System.Text.RegularExpressions.Regex LoadedChunks() => new("内存中 [1-9]\\d* 段向量");

    private static Func<FakeChatRequest, string> QuotingWhenGiven(string marker, string quote) =>
        request => Material(request).Contains(marker, StringComparison.Ordinal) ? quote : "我不太清楚。";

    /// <summary>The message that carries the passages, fenced, before the question; empty when there is none.</summary>
    private static string Material(FakeChatRequest request) =>
        request.Messages.SingleOrDefault(message => message.Role == "user" && message.Content.Contains("<quoted-material", StringComparison.Ordinal))?.Content ?? "";
}
