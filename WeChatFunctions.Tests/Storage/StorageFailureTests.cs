using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

public sealed class StorageFailureTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task WhenStorageIsDownWeChatRetriesAndTheLastAttemptTellsTheFollowerWhatToDoWithoutCallingTheModel()
    {
        var closedPort = FreePort.Next();
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] =
            Fixture.Storage.ConnectionString.Replace(AzuriteTablePort(), $"127.0.0.1:{closedPort}", StringComparison.Ordinal)).CreateWeChatClient();

        var delivery = await new WeChatPlatform(weChat).DeliverAsync(SignedPush.Text("存储坏了").From(Follower));

        // Any reply ends WeChat's retries, and a later attempt might get through; only the last one apologises.
        Assert.Equal(3, delivery.Attempt);
        Assert.Equal("text", delivery.Reply!.MessageType);
        Assert.Equal("抱歉，服务暂时出了点问题。过一会儿发送「继续」可以查看这个问题的回答；如果显示没有内容，请重新提问。", delivery.Content);
        Assert.Empty(Fixture.Model.Requests);
    }

    private string AzuriteTablePort()
    {
        var endpoint = Fixture.Storage.ConnectionString.Split(';').Single(part => part.StartsWith("TableEndpoint=", StringComparison.Ordinal));
        return new Uri(endpoint["TableEndpoint=".Length..]).Authority;
    }
}
