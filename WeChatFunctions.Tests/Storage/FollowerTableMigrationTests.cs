using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Functions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

/// <summary>
/// An account that ran the version before the follower table: its followers' turns, preferences, facts, links and
/// pending images sit in their own tables. After the upgrade nothing of theirs is lost: a follower's rows are moved
/// the first time the app touches them, the cleanup moves everyone else's and deletes the old rows, and rows an
/// instance of the old version writes during the rolling deployment are moved too.
/// </summary>
public sealed class FollowerTableMigrationTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string OldTurns = "WeChatConversations";
    private const string OldPreferences = "WeChatPreferences";
    private const string OldImages = "WeChatImages";

    [Fact]
    public async Task EveryFollowersHistorySettingsFactsAndUsageAreReadBackAfterTheUpgrade()
    {
        var followers = Enumerable.Range(1, 3).Select(_ => WeChatClient.NewFollowerId()).ToList();
        var now = DateTimeOffset.UtcNow;
        foreach (var (follower, index) in followers.Select((follower, index) => (follower, index)))
        {
            await OldLayoutAsync(follower, index, now);
        }

        await UsageLayoutAsync(decided: null);
        var weChat = Fixture.StartApplication(settings => settings["daily_limit"] = "5").CreateWeChatClient();
        foreach (var (follower, index) in followers.Select((follower, index) => (follower, index)))
        {
            Assert.StartsWith($"今天已提问 {index + 1} 次，还剩 {4 - index} 次（每天 5 次）", await weChat.AskAsync(follower, "/usage"), StringComparison.Ordinal);
            await weChat.AskAsync(follower, $"升级后的问题{index}");

            var request = Assert.Single(Fixture.Model.RequestsAbout($"升级后的问题{index}"));
            Assert.StartsWith($"你是第{index}位粉丝的助手。", request.Messages[0].Content, StringComparison.Ordinal);
            Assert.Contains($"1. 事实{index}", Memory.Remembering.FactsIn(request), StringComparison.Ordinal);
            Assert.Equal([$"旧问题{index}", $"旧回答{index}"], request.Messages.Where(message => message.Content.StartsWith('旧')).Select(message => message.Content));
        }

        // Moved on first touch, and still in the old tables for instances of the old version still running.
        Assert.Equal(2, await CountAsync(OldTurns, followers[0]));
        Assert.True(await HasRowAsync("WeChatReplies", followers[0], "~moved"));
        // Usage stays where both versions charge it until a day that starts at least an hour after the upgrade.
        var today = BeijingDay(now);
        Assert.True(string.CompareOrdinal(await UsageLayoutAsync(), BeijingDay(now.AddHours(1))) > 0);
        foreach (var (follower, index) in followers.Select((follower, index) => (follower, index)))
        {
            Assert.Equal(index + 2, (await Table("WeChatUsage").GetEntityAsync<TableEntity>(follower, today)).Value.GetInt32("Questions"));
            Assert.Equal(0, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, follower));
        }
    }

    [Fact]
    public async Task FromTheSwitchDayUsageIsChargedInTheFollowersPartition()
    {
        var today = BeijingDay(DateTimeOffset.UtcNow);
        await Table("WeChatUsage").UpsertEntityAsync(new TableEntity(Follower, today) { ["Questions"] = 3 });
        await UsageLayoutAsync(decided: today);
        var weChat = Fixture.StartApplication(settings => settings["daily_limit"] = "5").CreateWeChatClient();

        await weChat.AskAsync(Follower, "切换当天的问题");

        Assert.StartsWith("今天已提问 1 次，还剩 4 次（每天 5 次）", await weChat.AskAsync(Follower, "/usage"), StringComparison.Ordinal);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower));
        Assert.Equal(3, (await Table("WeChatUsage").GetEntityAsync<TableEntity>(Follower, today)).Value.GetInt32("Questions"));
    }

    [Fact]
    public async Task APendingImageOfTheOldLayoutGoesWithTheFirstQuestionAfterTheUpgrade()
    {
        await Table(OldImages).AddEntityAsync(new TableEntity(Follower, "pending") { ["MediaType"] = "image/png", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["Bytes"] = ImageServer.Png(1024) });
        var weChat = Fixture.StartApplication(settings => settings["chat_gpt_vision_model"] = "fake-vision").CreateWeChatClient();

        await weChat.AskAsync(Follower, "图里是什么？");

        var request = Assert.Single(Fixture.Model.RequestsAbout("图里是什么？"));
        Assert.Equal("fake-vision", request.Model);
        Assert.StartsWith("data:image/png;base64,", Assert.Single(request.Messages[^1].ImageUrls), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCleanupMovesFollowersNeverTouchedAndWhatTheOldVersionWroteDuringTheDeploymentThenEmptiesTheOldTables()
    {
        var (touched, untouched) = (Follower, WeChatClient.NewFollowerId());
        var now = DateTimeOffset.UtcNow;
        await OldLayoutAsync(touched, 0, now.AddMinutes(-10));
        await OldLayoutAsync(untouched, 1, now.AddMinutes(-10));
        var application = Fixture.StartApplication();
        await application.CreateWeChatClient().AskAsync(touched, "第一个问题");

        // An instance of the old version answers the follower and changes their prompt after the move.
        await AddOldExchangeAsync(touched, now.AddMinutes(-1), "部署期间的问题", "部署期间的回答");
        await Table(OldPreferences).UpsertEntityAsync(new TableEntity(touched, "preferences") { ["SystemPrompt"] = "部署期间改的提示词。" });
        await CleanUpAsync(application);

        foreach (var old in new[] { OldTurns, OldPreferences, OldImages })
        {
            Assert.Equal(0, await CountAsync(old, partition: null));
        }

        await Fixture.StartApplication().CreateWeChatClient().AskAsync(touched, "第二个问题");
        await Fixture.StartApplication().CreateWeChatClient().AskAsync(untouched, "没碰过的粉丝的问题");
        var second = Assert.Single(Fixture.Model.RequestsAbout("第二个问题"));
        Assert.StartsWith("部署期间改的提示词。", second.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains(second.Messages, message => message.Content == "部署期间的问题");
        Assert.Contains(second.Messages, message => message.Content == "第一个问题");
        var other = Assert.Single(Fixture.Model.RequestsAbout("没碰过的粉丝的问题"));
        Assert.StartsWith("你是第1位粉丝的助手。", other.Messages[0].Content, StringComparison.Ordinal);
        Assert.Contains(other.Messages, message => message.Content == "旧问题1");
    }

    /// <summary>What the version before wrote for a follower: a turn pair, a /prompt, a fact, a shared link and today's usage.</summary>
    private async Task OldLayoutAsync(string follower, int index, DateTimeOffset at)
    {
        await AddOldExchangeAsync(follower, at.AddMinutes(-5), $"旧问题{index}", $"旧回答{index}");
        var preferences = Table(OldPreferences);
        await preferences.AddEntityAsync(new TableEntity(follower, "preferences") { ["SystemPrompt"] = $"你是第{index}位粉丝的助手。" });
        await preferences.AddEntityAsync(new TableEntity(follower, "memory") { ["Facts"] = $"[{{\"text\":\"事实{index}\",\"at\":\"{at:O}\"}}]", ["FactCount"] = 1 });
        await preferences.AddEntityAsync(new TableEntity(follower, "link") { ["Url"] = "https://example.com/a", ["Title"] = "文章", ["Description"] = "", ["SharedAt"] = at.AddHours(-1) });
        await Table("WeChatUsage").UpsertEntityAsync(new TableEntity(follower, BeijingDay(at)) { ["Questions"] = index + 1 });
    }

    /// <summary>Sets, or with <see langword="null"/> forgets, the first day whose usage the follower table keeps, as an app decides it at start-up.</summary>
    private async Task UsageLayoutAsync(string? decided)
    {
        var table = Table("WeChatUsage");
        if (decided is null)
        {
            await table.DeleteEntityAsync("~layout", "usage");
        }
        else
        {
            await table.UpsertEntityAsync(new TableEntity("~layout", "usage") { ["FollowerTableFrom"] = decided }, TableUpdateMode.Replace);
        }
    }

    private async Task<string> UsageLayoutAsync() => (await Table("WeChatUsage").GetEntityAsync<TableEntity>("~layout", "usage")).Value.GetString("FollowerTableFrom");

    private static string BeijingDay(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private async Task AddOldExchangeAsync(string follower, DateTimeOffset at, string question, string answer)
    {
        var key = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var turns = Table(OldTurns);
        await turns.AddEntityAsync(new TableEntity(follower, $"{key}-1") { ["Role"] = "User", ["Content"] = question, ["TokenCount"] = 10 });
        await turns.AddEntityAsync(new TableEntity(follower, $"{key}-0") { ["Role"] = "Assistant", ["Content"] = answer, ["TokenCount"] = 10 });
    }

    private static Task CleanUpAsync(WeChatApplication application) =>
        ActivatorUtilities.CreateInstance<CleanupFunction>(application.Services).RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);

    private TableClient Table(string name)
    {
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient(name);
        table.CreateIfNotExists();
        return table;
    }

    private async Task<int> CountAsync(string tableName, string? partition) =>
        await Table(tableName).QueryAsync<TableEntity>(partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).CountAsync();

    private async Task<bool> HasRowAsync(string tableName, string partition, string row) =>
        (await Table(tableName).GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue;
}
