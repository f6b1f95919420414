using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Storage;

public sealed class StorageFailureTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Fact]
    public async Task WhenStorageIsDownTheFollowerIsToldAndTheModelIsNotCalled()
    {
        var closedPort = FreePort.Next();
        var weChat = Fixture.StartApplication(settings => settings["AzureWebJobsStorage"] =
            Fixture.Storage.ConnectionString.Replace(AzuriteTablePort(), $"127.0.0.1:{closedPort}", StringComparison.Ordinal)).CreateWeChatClient();

        var reply = await weChat.PushAsync(SignedPush.Text("存储坏了").From(Follower));

        Assert.Equal("text", reply.MessageType);
        Assert.Contains("暂时无法读取对话记录", reply.Content, StringComparison.Ordinal);
        Assert.Empty(Fixture.Model.Requests);
    }

    private string AzuriteTablePort()
    {
        var endpoint = Fixture.Storage.ConnectionString.Split(';').Single(part => part.StartsWith("TableEndpoint=", StringComparison.Ordinal));
        return new Uri(endpoint["TableEndpoint=".Length..]).Authority;
    }
}
