using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Azure.Functions.Worker;
using WeChatFunctions.Functions;
using WeChatFunctions.Hosting;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Functions;

/// <summary>
/// The cleanup: as the <c>cleanup</c> timer function, called the way the worker calls it when the host's timer fires,
/// against Azurite, and standalone, on the in-process timer.
/// </summary>
public sealed class CleanupTests(WeChatFixture fixture) : FollowerTest(fixture)
{

    [Fact]
    public async Task ExpiredClaimsAndTurnsPastRetentionAreDeletedAndRecentOnesKept()
    {
        await Fixture.WeChat.AskAsync(Follower, "最近的问题");
        var now = DateTimeOffset.UtcNow;
        var replies = await AddClaimAsync("m1", firstArrival: now.AddDays(-2));
        await replies.AddEntityAsync(new TableEntity(Follower, StoredConversation.TurnPrefix + TurnKey(now.AddDays(-31))) { ["Role"] = "User", ["Content"] = "很久以前", ["TokenCount"] = 5 });

        await InvokeAsync();
        await InvokeAsync();

        var turns = await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower);
        Assert.Equal(["回答：最近的问题", "最近的问题"], turns.Select(turn => turn.GetString("Content")));
        Assert.False((await replies.GetEntityIfExistsAsync<TableEntity>(Follower, "m1")).HasValue);
        Assert.Equal(1, await CountAsync(replies, $"PartitionKey eq '{Follower}' and RowKey ge 'm' and RowKey lt 'n'"));
    }

    [Fact]
    public async Task OldPushFingerprintsAndPerFollowerUsageAreDeletedAndCurrentOnesKept()
    {
        await Fixture.WeChat.AskAsync(Follower, "今天的问题");
        var now = DateTimeOffset.UtcNow;
        var (today, nineDaysAgo) = (BeijingDay(now), BeijingDay(now.AddDays(-9)));
        var usage = await TableAsync("WeChatUsage");
        await usage.AddEntityAsync(new TableEntity(Follower, nineDaysAgo) { ["Questions"] = 3 });
        await usage.AddEntityAsync(new TableEntity(Follower, "recent") { ["RecentQuestions"] = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) });
        var pushes = await TableAsync("WeChatPushes");
        await pushes.AddEntityAsync(new TableEntity("an-hour-old-fingerprint", "") { ["FirstArrival"] = now.AddHours(-1), ["Arrivals"] = 1 });

        await InvokeAsync();

        Assert.False((await usage.GetEntityIfExistsAsync<TableEntity>(Follower, nineDaysAgo)).HasValue);
        Assert.Equal(1, await StoredUsage.QuestionsTodayAsync(Fixture.Storage, Follower)); // today's, in the follower table
        Assert.True((await usage.GetEntityIfExistsAsync<TableEntity>(Follower, "recent")).HasValue);
        Assert.False((await pushes.GetEntityIfExistsAsync<TableEntity>("an-hour-old-fingerprint", "")).HasValue);
        Assert.True(await CountAsync(pushes, TableClient.CreateQueryFilter($"FirstArrival ge {now.AddMinutes(-2)}")) >= 1, "the fingerprint of the push just served is kept");
    }

    [Fact]
    public async Task RowsOfEveryKindAreDeletedOncePastTheirUseAndKeptBefore()
    {
        var now = DateTimeOffset.UtcNow;
        var (stale, fresh) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var images = await TableAsync("WeChatReplies");
        var blobs = new BlobServiceClient(Fixture.Storage.ConnectionString).GetBlobContainerClient("wechat-images");
        await blobs.CreateIfNotExistsAsync();
        await blobs.GetBlobClient(stale).UploadAsync(BinaryData.FromBytes(ImageServer.Png(70_000)), overwrite: true);
        await images.AddEntityAsync(new TableEntity(stale, "pending") { ["ReceivedAt"] = now.AddMinutes(-11), ["MediaType"] = "image/png", ["BlobName"] = stale });
        await images.AddEntityAsync(new TableEntity(fresh, "pending") { ["ReceivedAt"] = now, ["MediaType"] = "image/png" });
        var audit = await TableAsync("WeChatAudit");
        await audit.AddEntityAsync(new TableEntity("audit", TurnKey(now.AddDays(-91))[..^2] + "-old") { ["Command"] = "help" });
        await audit.AddEntityAsync(new TableEntity("audit", TurnKey(now)[..^2] + "-new") { ["Command"] = "help" });
        var usage = await TableAsync("WeChatUsage");
        await usage.AddEntityAsync(new TableEntity(Follower, "recent") { ["RecentQuestions"] = "1" });
        var statistics = await TableAsync("WeChatStatistics");
        await statistics.AddEntityAsync(new TableEntity("active-" + BeijingDay(now), Follower));
        var admin = await TableAsync("WeChatAdmin");
        await admin.AddEntityAsync(new TableEntity("lockout", Follower) { ["Failures"] = 1 });
        var replies = images;
        await replies.AddEntityAsync(new TableEntity(Follower, "~position") { ["After"] = "[]" });
        await replies.AddEntityAsync(new TableEntity(Follower, StoredUsage.Row) { ["Day"] = BeijingDay(now), ["Questions"] = 1 });
        // Two followers who set a /prompt today; in a hundred days one has gone quiet and the other still chats.
        var (quiet, chatty) = (WeChatClient.NewFollowerId(), WeChatClient.NewFollowerId());
        var preferences = replies;
        await preferences.AddEntityAsync(new TableEntity(quiet, "preferences") { ["SystemPrompt"] = "说英语" });
        await preferences.AddEntityAsync(new TableEntity(chatty, "preferences") { ["SystemPrompt"] = "说英语" });
        await preferences.AddEntityAsync(new TableEntity(chatty, StoredConversation.TurnPrefix + TurnKey(now.AddDays(95))) { ["Role"] = "User", ["Content"] = "九十五天后的问题", ["TokenCount"] = 5 });

        await InvokeAsync();

        Assert.False((await images.GetEntityIfExistsAsync<TableEntity>(stale, "pending")).HasValue);
        Assert.False((await blobs.GetBlobClient(stale).ExistsAsync()).Value);
        Assert.True((await images.GetEntityIfExistsAsync<TableEntity>(fresh, "pending")).HasValue);
        Assert.Equal(["help"], (await audit.QueryAsync<TableEntity>().ToListAsync()).Select(row => row.GetString("Command")));
        Assert.True((await usage.GetEntityIfExistsAsync<TableEntity>(Follower, "recent")).HasValue);
        Assert.True((await statistics.GetEntityIfExistsAsync<TableEntity>("active-" + BeijingDay(now), Follower)).HasValue);
        Assert.True((await admin.GetEntityIfExistsAsync<TableEntity>("lockout", Follower)).HasValue);
        Assert.True((await replies.GetEntityIfExistsAsync<TableEntity>(Follower, "~position")).HasValue);
        Assert.True((await replies.GetEntityIfExistsAsync<TableEntity>(Follower, StoredUsage.Row)).HasValue);
        Assert.True((await preferences.GetEntityIfExistsAsync<TableEntity>(quiet, "preferences")).HasValue);

        // A hundred days on, past every lifetime: the week of usage, retention, the audit's 90 days.
        await InvokeAsync(new FakeTimeProvider(now.AddDays(100)));

        Assert.False((await images.GetEntityIfExistsAsync<TableEntity>(fresh, "pending")).HasValue);
        Assert.Empty(await audit.QueryAsync<TableEntity>().ToListAsync());
        Assert.False((await usage.GetEntityIfExistsAsync<TableEntity>(Follower, "recent")).HasValue);
        Assert.False((await statistics.GetEntityIfExistsAsync<TableEntity>("active-" + BeijingDay(now), Follower)).HasValue);
        Assert.False((await admin.GetEntityIfExistsAsync<TableEntity>("lockout", Follower)).HasValue);
        Assert.False((await replies.GetEntityIfExistsAsync<TableEntity>(Follower, "~position")).HasValue);
        Assert.False((await replies.GetEntityIfExistsAsync<TableEntity>(Follower, StoredUsage.Row)).HasValue);
        Assert.False((await preferences.GetEntityIfExistsAsync<TableEntity>(quiet, "preferences")).HasValue);
        Assert.True((await preferences.GetEntityIfExistsAsync<TableEntity>(chatty, "preferences")).HasValue);
    }

    [Fact]
    public async Task EachInstancesStatisticsRowsOfAFinishedDayAreFoldedIntoOneRowWithTheSameSums()
    {
        var statistics = await TableAsync("WeChatStatistics");
        var old = BeijingDay(DateTimeOffset.UtcNow.AddDays(-10));
        var recent = BeijingDay(DateTimeOffset.UtcNow.AddDays(-1));
        // 150 instances' rows, more than one transaction holds, and a shard row as an earlier version wrote it.
        foreach (var batch in Enumerable.Range(0, 150).Chunk(100))
        {
            await statistics.SubmitTransactionAsync(batch.Select(index => new TableTransactionAction(
                TableTransactionActionType.Add, new TableEntity(old, $"writer-{index:D3}") { ["Messages"] = 2L, ["Answered"] = 1L, ["MessagesByHour20"] = 2L, ["AnswerLatency03"] = 1L })));
        }

        await statistics.AddEntityAsync(new TableEntity(old, "shard-3") { ["Messages"] = 7L, ["PromptTokens"] = 100L });
        await statistics.AddEntityAsync(new TableEntity(recent, "writer-still-writing") { ["Messages"] = 1L });

        await InvokeAsync();

        var folded = await statistics.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {old}")).ToListAsync();
        var total = Assert.Single(folded);
        Assert.Equal("total", total.RowKey);
        Assert.Equal((307L, 150L, 100L), (total.GetInt64("Messages"), total.GetInt64("Answered"), total.GetInt64("PromptTokens")));
        Assert.Equal((300L, 150L), (total.GetInt64("MessagesByHour20"), total.GetInt64("AnswerLatency03")));
        Assert.True((await statistics.GetEntityIfExistsAsync<TableEntity>(recent, "writer-still-writing")).HasValue);
    }

    [Fact]
    public async Task ABacklogLargerThanOneBatchIsWorkedOffInOneRun()
    {
        var pushes = await TableAsync("WeChatPushes");
        var old = DateTimeOffset.UtcNow.AddHours(-1);
        var prefix = Guid.NewGuid().ToString("N");
        foreach (var batch in Enumerable.Range(0, 1_200).Chunk(100))
        {
            await Task.WhenAll(batch.Select(index => pushes.AddEntityAsync(new TableEntity($"{prefix}-{index}", "") { ["FirstArrival"] = old, ["Arrivals"] = 1 })));
        }

        await InvokeAsync();

        Assert.Equal(0, await CountAsync(pushes, $"PartitionKey ge '{prefix}' and PartitionKey lt '{prefix}~'"));
    }

    [Fact]
    public async Task StandaloneTheCleanupRunsOnAnInProcessTimerEveryCleanupInterval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Fixture.StartApplication(settings => settings["cleanup_interval_minutes"] = "30", services => services.AddSingleton<TimeProvider>(clock));
        var replies = await AddClaimAsync("m2", firstArrival: clock.GetUtcNow().AddDays(-2));

        clock.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var beforeTheInterval = (await replies.GetEntityIfExistsAsync<TableEntity>(Follower, "m2")).HasValue;
        clock.Advance(TimeSpan.FromMinutes(1));
        var deleted = await EventuallyAsync(async () => !(await replies.GetEntityIfExistsAsync<TableEntity>(Follower, "m2")).HasValue);

        Assert.True(beforeTheInterval, "the cleanup ran before cleanup_interval_minutes had passed");
        Assert.True(deleted, "the cleanup did not run when cleanup_interval_minutes had passed");
    }

    [Fact]
    public void UnderTheFunctionsHostOnlyTheTimerTriggerRunsTheCleanup()
    {
        var standalone = Fixture.StartApplication();
        var hostEndpoint = new Uri("http://127.0.0.1:1/");
        var builder = FunctionsWorkerApp.CreateBuilder(FunctionsWorkerArguments.For(hostEndpoint));
        // The worker reads the host's arguments from the process's own command line, which here is the test runner's.
        builder.Configuration.AddInMemoryCollection(WeChatApplication.DefaultSettings(Fixture.Storage, Fixture.Model))
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("Functions:Worker:HostEndpoint", hostEndpoint.ToString())]);
        using var worker = builder.Build();

        Assert.Single(standalone.Services.GetServices<IHostedService>().OfType<StandaloneCleanupTimer>());
        Assert.Empty(worker.Services.GetServices<IHostedService>().OfType<StandaloneCleanupTimer>());
    }

    private static string BeijingDay(DateTimeOffset moment) => moment.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private async Task<TableClient> AddClaimAsync(string messageKey, DateTimeOffset firstArrival)
    {
        var replies = await TableAsync("WeChatReplies");
        await replies.AddEntityAsync(new TableEntity(Follower, messageKey) { ["Status"] = "Complete", ["Text"] = "旧回答", ["FirstArrival"] = firstArrival });
        return replies;
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Runs the timer function as the worker does when the host's timer fires: a new instance from the app's services.</summary>
    private Task InvokeAsync(TimeProvider? clock = null)
    {
        var app = clock is null ? Fixture.StartApplication() : Fixture.StartApplication(replaceServices: services => services.AddSingleton(clock));
        var function = ActivatorUtilities.CreateInstance<CleanupFunction>(app.Services);
        return function.RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);
    }

    private async Task<TableClient> TableAsync(string name)
    {
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<int> CountAsync(TableClient table, string filter)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter))
        {
            count++;
        }

        return count;
    }

    private static string TurnKey(DateTimeOffset moment) =>
        (DateTimeOffset.MaxValue.UtcTicks - moment.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-1";
}
