using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WeChatFunctions.Telemetry;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Telemetry;

/// <summary>The metrics an operator charts in Application Insights, read from the real app's meter as it answers.</summary>
public sealed class AssistantMetricsTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnAnswerCountsItsMessageTheAttemptThatDeliveredItItsTokensAndTheModelsTime()
    {
        var app = Fixture.StartApplication();
        using var messages = Collect<long>(app, "wechat.messages");
        using var answers = Collect<long>(app, "wechat.answers");
        using var tokens = Collect<long>(app, "wechat.model.tokens");
        using var modelTime = Collect<double>(app, "wechat.model.duration");

        var reply = await app.CreateWeChatClient().AskAsync(Follower, "指标");
        await tokens.WaitForMeasurementsAsync(2, Timeout);

        Assert.Equal("回答：指标", reply);
        Assert.Equal(1, Assert.Single(messages.GetMeasurementSnapshot()).Value);
        Assert.Equal("attempt_1", Assert.Single(answers.GetMeasurementSnapshot()).Tags["delivered_by"]);
        var request = Assert.Single(Fixture.Model.RequestsAbout("指标"));
        Assert.Equal(request.PromptTokens, tokens.GetMeasurementSnapshot().Single(measurement => (string?)measurement.Tags["kind"] == "prompt").Value);
        Assert.Equal(request.CompletionTokens(reply), tokens.GetMeasurementSnapshot().Single(measurement => (string?)measurement.Tags["kind"] == "completion").Value);
        var duration = Assert.Single(modelTime.GetMeasurementSnapshot());
        Assert.Equal("success", duration.Tags["outcome"]);
        Assert.InRange(duration.Value, 0, Timeout.TotalSeconds);
    }

    [Fact]
    public async Task AQuestionOverTheDailyLimitCountsARefusalWithItsReason()
    {
        var app = Fixture.StartApplication(settings => settings["daily_limit"] = "1");
        using var refusals = Collect<long>(app, "wechat.refusals");
        using var answers = Collect<long>(app, "wechat.answers");
        var weChat = app.CreateWeChatClient();

        await weChat.AskAsync(Follower, "第一个问题");
        var refused = await weChat.AskAsync(Follower, "第二个问题");

        Assert.StartsWith("今天的提问次数（1 次）已经用完了", refused, StringComparison.Ordinal);
        Assert.Equal("daily_questions", Assert.Single(refusals.GetMeasurementSnapshot()).Tags["reason"]);
        Assert.Single(answers.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AnAnswerThatMissesTheFirstAttemptCountsAsDeliveredByTheSecond()
    {
        var app = Fixture.StartApplication();
        using var answers = Collect<long>(app, "wechat.answers");
        var platform = new WeChatPlatform(app.CreateWeChatClient());
        Fixture.Model.Reset(FakeModelBehavior.FirstTokenInto(platform, attempt: 2, answer: "第二次才送达的回答。"));

        var delivery = await platform.DeliverAsync(SignedPush.Text("慢问题").From(Follower));

        Assert.Equal(2, delivery.Attempt);
        Assert.Equal("attempt_2", Assert.Single(answers.GetMeasurementSnapshot()).Tags["delivered_by"]);
    }

    private static MetricCollector<T> Collect<T>(WeChatApplication app, string instrument)
        where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), AssistantMetrics.MeterName, instrument);
}
