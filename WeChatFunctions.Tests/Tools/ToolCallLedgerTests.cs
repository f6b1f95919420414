using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.Storage;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.Tools;

/// <summary>
/// The ledger of a question's tool calls on Azurite: each ledger stands for one generation of the reply claim, as an
/// instance that takes a question over opens one with a higher generation. The tool counts how often it really ran.
/// </summary>
public sealed class ToolCallLedgerTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    private readonly CancelOrderTool _tool = new();
    private readonly RunCounter _counter = new();
    private readonly string _follower = WeChatClient.NewFollowerId();
    private readonly string _message = "9" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);

    [Fact]
    public async Task AnInstanceTakingOverReplaysTheFinishedCallAndDoesNotRunItAgain()
    {
        var owner = await OpenAsync(generation: 0);
        var done = await owner.RunAsync(Call(0, "A1"), _tool, CancellationToken.None);

        var successor = await OpenAsync(generation: 1);
        var replayed = Assert.Single(successor.Replayed);
        var again = await successor.RunAsync(Call(0, "A1") with { Round = successor.NextRound }, _tool, CancellationToken.None);

        Assert.Equal(1, _tool.Runs);
        Assert.Equal("订单 A1 已取消", done.Result);
        Assert.Equal(done.Result, replayed.Result);
        Assert.Equal("已取消订单 A1", replayed.Footnote);
        Assert.Equal(done.Result, again.Result);
        Assert.Equal(1, successor.NextRound);
        Assert.Equal(["已取消订单 A1"], successor.Footnotes);
    }

    [Fact]
    public async Task ACallWhoseInstanceDiedWhileItRanIsReportedAsUnknownAndNeverRunAgain()
    {
        var store = Store();
        var question = Question(generation: 0);
        Assert.NotNull(await store.TryStartAsync(question, Call(0, "B2"), CancellationToken.None)); // and then the instance died

        var successor = await OpenAsync(generation: 1);
        var again = await successor.RunAsync(Call(0, "B2") with { Round = successor.NextRound, CallId = "call-new" }, _tool, CancellationToken.None);

        Assert.Null(Assert.Single(successor.Replayed).Result);
        Assert.Equal(ToolCallLedger.UnknownOutcome, again.Result);
        Assert.Equal(0, _tool.Runs);
    }

    [Fact]
    public async Task AnotherCallAfterTheTakeOverRunsInTheNextRound()
    {
        var owner = await OpenAsync(generation: 0);
        await owner.RunAsync(Call(0, "C1"), _tool, CancellationToken.None);

        var successor = await OpenAsync(generation: 1);
        var next = await successor.RunAsync(Call(successor.NextRound, "C2"), _tool, CancellationToken.None);
        var third = await OpenAsync(generation: 2);

        Assert.Equal(2, _tool.Runs);
        Assert.Equal("订单 C2 已取消", next.Result);
        Assert.Equal([(0, "订单 C1 已取消"), (1, "订单 C2 已取消")], third.Replayed.Select(call => (call.Round, call.Result)));
    }

    [Fact]
    public async Task TwoGenerationsReachingTheSamePlaceAtOnceRunTheToolOnce()
    {
        var (stale, current) = (await OpenAsync(generation: 1), await OpenAsync(generation: 2));

        var results = await Task.WhenAll(
            stale.RunAsync(Call(3, "D4"), _tool, CancellationToken.None),
            current.RunAsync(Call(3, "D4"), _tool, CancellationToken.None));

        Assert.Equal(1, _tool.Runs);
        Assert.Equal(1, _counter.Runs);
        Assert.Single(results, result => result.Result == "订单 D4 已取消");
        Assert.Single(results, result => result.Result == ToolCallLedger.UnknownOutcome);
    }

    [Fact]
    public async Task AFirstGenerationReadsNothingAndTheSameCallTwiceRunsOnce()
    {
        var store = new CountingStore(Store());
        var owner = await new ToolCalls(store, Runner(), NullLogger<ToolCallLedger>.Instance).OpenAsync(Question(generation: 0), CancellationToken.None);

        await owner.RunAsync(Call(0, "E5"), _tool, CancellationToken.None);
        var twice = await owner.RunAsync(Call(1, "E5"), _tool, CancellationToken.None);

        Assert.Equal(0, store.Reads);
        Assert.Equal(1, _tool.Runs);
        Assert.Equal("订单 E5 已取消", twice.Result);
        Assert.Equal(["已取消订单 E5"], owner.Footnotes);
    }

    [Fact]
    public async Task APictureACallMadeIsReplayedWithItsResultAfterATakeOver()
    {
        var drawing = new PictureTool();
        var owner = await OpenAsync(generation: 0);
        await owner.RunAsync(new RecordedToolCall(0, 0, "call-0", PictureTool.Name, "{}"), drawing, CancellationToken.None);

        var successor = await OpenAsync(generation: 1);

        Assert.Equal(new AnswerMedia(MediaKind.Image, "media-" + _message), owner.Media);
        Assert.Equal(owner.Media, Assert.Single(successor.Replayed).Media);
        Assert.Equal(owner.Media, successor.Media);
        Assert.Equal((_follower, _message, 0), (drawing.Asked?.FollowerId, drawing.Asked?.MessageId, drawing.Asked?.Generation));
    }

    private Task<ToolCallLedger> OpenAsync(int generation) =>
        new ToolCalls(Store(), Runner(), NullLogger<ToolCallLedger>.Instance).OpenAsync(Question(generation), CancellationToken.None);

    private ToolQuestion Question(int generation) => new(_follower, _message, DateTimeOffset.UtcNow, generation);

    private static RecordedToolCall Call(int round, string order) => new(round, 0, $"call-{round}", CancelOrderTool.Name, $$"""{"order":"{{order}}"}""");

    private TableToolCallStore Store() => new(new TableClientProvider(new TableServiceClient(fixture.Storage.ConnectionString)));

    private ToolRunner Runner() => new(Options.Create(new ToolOptions()), _counter, NullLogger<ToolRunner>.Instance);

    /// <summary>A tool with a side effect, as an operator's order system would have: it must never run twice.</summary>
    private sealed class CancelOrderTool : IAssistantTool
    {
        public const string Name = "cancel_order";

        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public AIFunctionDeclaration Declaration { get; } =
            AIFunctionFactory.CreateDeclaration(Name, "Cancels an order.", JsonElement.Parse("""{"type":"object","properties":{"order":{"type":"string"}}}"""));

        public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            await Task.Delay(50, cancellationToken);
            var order = invocation.RequiredText("order");
            return new ToolResult($"订单 {order} 已取消", $"已取消订单 {order}");
        }
    }

    /// <summary>A tool whose result carries a picture for the follower, named after the question it was asked for.</summary>
    private sealed class PictureTool : IAssistantTool
    {
        public const string Name = "picture";

        public ToolQuestion? Asked { get; private set; }

        public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(Name, "Draws.", JsonElement.Parse("""{"type":"object"}"""));

        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        {
            Asked = invocation.Question;
            return Task.FromResult(new ToolResult("画好了", Media: new AnswerMedia(MediaKind.Image, "media-" + invocation.Question?.MessageId)));
        }
    }

    /// <summary>What the statistics would count.</summary>
    private sealed class RunCounter : IToolCallCounter
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public void ToolRan(string tool, bool failed) => Interlocked.Increment(ref _runs);
    }

    private sealed class CountingStore(IToolCallStore inner) : IToolCallStore
    {
        public int Reads { get; private set; }

        public Task<IReadOnlyList<RecordedToolCall>> ReadAsync(ToolQuestion question, CancellationToken cancellationToken)
        {
            Reads++;
            return inner.ReadAsync(question, cancellationToken);
        }

        public Task<RecordedToolCall?> TryStartAsync(ToolQuestion question, RecordedToolCall call, CancellationToken cancellationToken) => inner.TryStartAsync(question, call, cancellationToken);

        public Task FinishAsync(ToolQuestion question, RecordedToolCall call, CancellationToken cancellationToken) => inner.FinishAsync(question, call, cancellationToken);
    }
}
