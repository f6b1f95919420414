using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Keywords;

/// <summary>Keyword rules added from WeChat: matched before the quota and the model, counted, managed and audited. Its own Azurite.</summary>
public sealed class KeywordReplyTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private AdminConsole Admin => AdminConsole.NewAdmin(Fixture.WeChat);

    [Theory]
    [InlineData("exact 营业时间,WiFi", "营业时间", true)]
    [InlineData("exact 营业时间,WiFi", "  ｗｉｆｉ ", true)] // full-width, lower case, spaces around
    [InlineData("exact 营业时间,WiFi", "营业时间呢", false)]
    [InlineData("contains 价格,多少钱", "这个多少钱？", true)]
    [InlineData("contains 价格,Price", "what's the PRICE", true)]
    [InlineData("contains 价格,Price", "ｐｒｉｃｅ list", true)]
    [InlineData("contains 价格,多少钱", "贵不贵", false)]
    public async Task ARuleFiresOnExactOrContainedPhrasesIgnoringCaseAndWidth(string spec, string message, bool fires)
    {
        var reply = $"规则回复 {Guid.NewGuid():N}";
        var added = await Admin.RunAsync("add_keyword", $"{spec}\n{reply}");

        var answer = await Fixture.WeChat.AskAsync(Follower, message);
        await Admin.RunAsync("remove_keyword", IdIn(added));

        Assert.StartsWith("已添加关键词回复 k", added, StringComparison.Ordinal);
        Assert.Equal(fires ? reply : $"回答：{message.Trim()}", answer);
    }

    [Fact]
    public async Task AKeywordReplyCostsNoModelCallAndNoQuotaAndIsCountedInStatistics()
    {
        var added = await Admin.RunAsync("add_keyword", "exact 联系方式\n电话 010-12345678\n邮箱 hi@example.com");
        var before = KeywordRepliesToday(await Admin.RunAsync("get_stat"));

        var reply = await new WeChatPlatform(Fixture.WeChat).DeliverAsync(SignedPush.Text("联系方式").From(Follower));
        var statistics = await Admin.StatisticsWhenAsync(text => KeywordRepliesToday(text) > before);
        await Admin.RunAsync("remove_keyword", IdIn(added));

        Assert.Equal("电话 010-12345678\n邮箱 hi@example.com", reply.Content);
        Assert.Empty(Fixture.Model.RequestsAbout("联系方式"));
        Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.Equal(before + 1, KeywordRepliesToday(statistics));
    }

    [Fact]
    public async Task AdminsAddListTestAndRemoveRulesFromWeChatAndEveryChangeIsAudited()
    {
        var admin = Admin;
        var added = await admin.RunAsync("add_keyword", "contains 优惠码，折扣\n本周优惠码：SAVE10");
        var listed = await admin.RunAsync("list_keywords");
        var tested = await admin.RunAsync("test_keyword", "有折扣吗");
        var untested = await admin.RunAsync("test_keyword", "今天天气");
        var bad = await admin.RunAsync("add_keyword", "sometimes 优惠码\n回复");
        var noReply = await admin.RunAsync("add_keyword", "exact 只有触发词");
        var removed = await admin.RunAsync("remove_keyword", "优惠码");
        var again = await admin.RunAsync("remove_keyword", "优惠码");
        var audit = await admin.RunAsync("get_audit", "8");

        Assert.Contains($"{IdIn(added)}] contains 优惠码，折扣 → 本周优惠码：SAVE10", listed, StringComparison.Ordinal);
        Assert.Contains($"会触发 [{IdIn(added)}]", tested, StringComparison.Ordinal);
        Assert.EndsWith("回复：\n本周优惠码：SAVE10", tested, StringComparison.Ordinal);
        Assert.Contains("不会触发任何关键词回复", untested, StringComparison.Ordinal);
        Assert.StartsWith("无法添加：匹配方式须是 exact、contains 或 key。\n用法：add_keyword", bad, StringComparison.Ordinal);
        Assert.StartsWith("无法添加：回复内容不能为空。", noReply, StringComparison.Ordinal);
        Assert.StartsWith($"已删除关键词回复 [{IdIn(added)}]", removed, StringComparison.Ordinal);
        Assert.StartsWith("没有编号或第一个触发词是「优惠码」", again, StringComparison.Ordinal);
        Assert.Equal("回答：有折扣吗", await Fixture.WeChat.AskAsync(Follower, "有折扣吗"));
        Assert.Contains("add_keyword contains 优惠码，折扣", audit, StringComparison.Ordinal);
        Assert.Contains("remove_keyword 优惠码 → 已删除关键词回复", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleAddedOnOneInstanceIsSeenByAnotherWithinSeconds()
    {
        var other = Fixture.StartApplication().CreateWeChatClient();
        Assert.Equal("回答：会员权益", await other.AskAsync(Follower, "会员权益")); // the other instance has read the rules

        var added = await Admin.RunAsync("add_keyword", "exact 会员权益\n会员享 9 折");
        var seen = "";
        for (var attempt = 0; attempt < 100 && seen != "会员享 9 折"; attempt++)
        {
            await Task.Delay(100);
            seen = await other.AskAsync(WeChatClient.NewFollowerId(), "会员权益");
        }

        await Admin.RunAsync("remove_keyword", IdIn(added));
        Assert.Equal("会员享 9 折", seen);
    }

    [Fact]
    public async Task AMenuClickGetsItsBoundRuleOrAsksTheModelOrGetsNothing()
    {
        var added = await Admin.RunAsync("add_keyword", "key TODAY_PICK\n今日推荐：《三体》");

        // WeChat tells events apart by follower and CreateTime, so clicks a second apart.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var bound = await Fixture.WeChat.PushAsync(Click("TODAY_PICK", now - 2));
        var ask = await Fixture.WeChat.PushAsync(Click("ask:推荐一本书", now - 1));
        var unknown = await Fixture.WeChat.PushAsync(Click("NO_SUCH_KEY", now));
        await Admin.RunAsync("remove_keyword", IdIn(added));

        Assert.Equal("今日推荐：《三体》", bound.Content);
        Assert.Equal("回答：推荐一本书", ask.Content);
        Assert.True(unknown.IsSuccessWithoutReply, unknown.Body);
        Assert.Single(Fixture.Model.RequestsAbout("推荐一本书"));
    }

    [Fact]
    public async Task DifferentClicksInTheSameSecondEachGetTheirOwnAnswer()
    {
        var added = await Admin.RunAsync("add_keyword", "key SAME_SECOND_PICK\n同一秒的推荐");

        // A follower tapping quickly: three buttons, one CreateTime.
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var bound = await Fixture.WeChat.PushAsync(Click("SAME_SECOND_PICK", now));
        var book = await Fixture.WeChat.PushAsync(Click("ask:同一秒推荐一本书", now));
        var film = await Fixture.WeChat.PushAsync(Click("ask:同一秒推荐一部电影", now));
        await Admin.RunAsync("remove_keyword", IdIn(added));

        Assert.Equal("同一秒的推荐", bound.Content);
        Assert.Equal("回答：同一秒推荐一本书", book.Content);
        Assert.Equal("回答：同一秒推荐一部电影", film.Content);
    }

    [Fact]
    public async Task ARetriedClickThatAKeywordAnsweredGetsTheSameKeywordAnswer()
    {
        var added = await Admin.RunAsync("add_keyword", "key RETRIED_PICK\n重试也是这条推荐");
        var click = Click("RETRIED_PICK", DateTimeOffset.UtcNow.ToUnixTimeSeconds()) with { StampedAt = DateTimeOffset.UtcNow, Nonce = WeChatClient.NewNonce() };

        var first = await Fixture.WeChat.PushAsync(click);
        var retry = await Fixture.WeChat.PushAsync(click);
        await Admin.RunAsync("remove_keyword", IdIn(added));

        Assert.Equal("重试也是这条推荐", first.Content);
        Assert.Equal("重试也是这条推荐", retry.Content);
    }

    [Fact]
    public async Task AFollowIsWelcomedByTheRuleForItsQrSceneOrForSubscribe()
    {
        var scene = await Admin.RunAsync("add_keyword", "key qrscene_spring\n欢迎参加春季活动！");
        var subscribe = await Admin.RunAsync("add_keyword", "key subscribe\n欢迎关注，直接发问题给我吧。");

        var fromScene = await Fixture.WeChat.PushAsync(SignedPush.Event("subscribe", "<EventKey><![CDATA[qrscene_spring]]></EventKey>").From(Follower));
        var plain = await Fixture.WeChat.PushAsync(SignedPush.Event("subscribe").From(WeChatClient.NewFollowerId()));
        await Admin.RunAsync("remove_keyword", IdIn(scene));
        await Admin.RunAsync("remove_keyword", IdIn(subscribe));

        Assert.Equal("欢迎参加春季活动！", fromScene.Content);
        Assert.Equal("欢迎关注，直接发问题给我吧。", plain.Content);
    }

    private SignedPush Click(string key, long createTime) =>
        SignedPush.Event("CLICK", $"<EventKey><![CDATA[{key}]]></EventKey>").From(Follower) with { CreateTime = createTime };

    /// <returns>Today's keyword replies in get_stat, or -1 when it shows none.</returns>
    private static int KeywordRepliesToday(string statistics) =>
        System.Text.RegularExpressions.Regex.Match(statistics, @"今天：[^\n]*关键词回复 (\d+)") is { Success: true } today
            ? int.Parse(today.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : -1;

    /// <summary>The rule's id in an <c>add_keyword</c> reply, <c>已添加关键词回复 k1a2b3：…</c>.</summary>
    private static string IdIn(string added) => added.Split(' ', '：')[1];
}
