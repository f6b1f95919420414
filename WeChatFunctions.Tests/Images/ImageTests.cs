using Azure.Data.Tables;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Images;

/// <summary>An image, then a question about it: the image is fetched at once, kept as bytes and sent with the question.</summary>
public sealed class ImageTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private ImageServer _images = null!;

    [Theory]
    [InlineData(20 * 1024)]
    [InlineData(2 * 1024 * 1024)]
    public async Task TheNextQuestionGoesToTheVisionModelWithTheImageAsADataUrl(int size)
    {
        var weChat = VisionApp();
        var image = ImageServer.Png(size);

        var received = await weChat.PushAsync(SignedPush.Image(_images.Serve(image)).From(Follower));
        var answer = await weChat.AskAsync(Follower, "图里是什么？");
        var next = await weChat.AskAsync(Follower, "再问一个");

        Assert.Equal("收到图片了！你想了解这张图片的什么？请在 10 分钟内发送你的问题。", received.Content);
        Assert.Equal("回答：图里是什么？", answer);
        var request = Assert.Single(Fixture.Model.Requests, request => request.LastUserMessage == "图里是什么？");
        Assert.Equal("fake-vision", request.Model);
        Assert.Equal(["data:image/png;base64," + Convert.ToBase64String(image)], request.Messages[^1].ImageUrls);
        var following = Assert.Single(Fixture.Model.RequestsAbout("再问一个"));
        Assert.Equal("fake-gpt", following.Model);
        Assert.All(following.Messages, message => Assert.Empty(message.ImageUrls));
        Assert.Contains(following.Messages, message => message.Content == "[图片] 图里是什么？");
    }

    [Fact]
    public async Task AnImageOverTenMegabytesIsRefusedAndNothingIsKept()
    {
        var weChat = VisionApp();

        var received = await weChat.PushAsync(SignedPush.Image(_images.Serve(ImageServer.Png(10 * 1024 * 1024 + 1))).From(Follower));
        await weChat.AskAsync(Follower, "太大的图呢？");

        Assert.Equal("这张图片太大了（超过 10 MB），请压缩后再发。", received.Content);
        Assert.All(Assert.Single(Fixture.Model.RequestsAbout("太大的图呢？")).Messages, message => Assert.Empty(message.ImageUrls));
    }

    [Fact]
    public async Task AnImageSlowerThanThreeSecondsIsRefusedWithinWeChatsWindow()
    {
        var received = await VisionApp().PushAsync(SignedPush.Image(_images.Serve(ImageServer.Png(1024), TimeSpan.FromSeconds(6))).From(Follower));

        Assert.Equal("图片下载超时了，请稍后重新发送这张图片。", received.Content);
        Assert.Empty(Fixture.Model.Requests);
    }

    [Theory]
    [InlineData("ftp://example.invalid/a.png", "这张图片没能下载下来，请重新发送。")]
    [InlineData("not a url", "这张图片没能下载下来，请重新发送。")]
    public async Task APicUrlThatIsNotHttpIsNotFetched(string pictureUrl, string reply)
    {
        var received = await VisionApp().PushAsync(SignedPush.Image(pictureUrl).From(Follower));

        Assert.Equal(reply, received.Content);
    }

    [Fact]
    public async Task SomethingThatIsNotAnImageIsRefused()
    {
        var received = await VisionApp().PushAsync(SignedPush.Image(_images.Serve("<html>not an image</html>"u8.ToArray())).From(Follower));

        Assert.Equal("暂不支持这种图片格式，请发送 JPG、PNG、GIF 或 WebP 图片。", received.Content);
    }

    [Fact]
    public async Task AnImageOlderThanTenMinutesIsNotSentWithTheQuestion()
    {
        var weChat = VisionApp();
        await weChat.PushAsync(SignedPush.Image(_images.Serve(ImageServer.Png(1024))).From(Follower));
        var table = new TableServiceClient(Fixture.Storage.ConnectionString).GetTableClient("WeChatReplies");
        await table.UpsertEntityAsync(new TableEntity(Follower, "pending") { ["ReceivedAt"] = DateTimeOffset.UtcNow.AddMinutes(-11) }, TableUpdateMode.Merge);

        await weChat.AskAsync(Follower, "很久以前的图");

        var request = Assert.Single(Fixture.Model.RequestsAbout("很久以前的图"));
        Assert.Equal("fake-gpt", request.Model);
        Assert.Empty(request.Messages[^1].ImageUrls);
    }

    public async Task InitializeAsync() => _images = await ImageServer.StartAsync();

    public async Task DisposeAsync() => await _images.DisposeAsync();

    [Theory]
    [InlineData("image_url_hosts")] // by default only WeChat's media hosts, *.qpic.cn and *.qlogo.cn
    [InlineData("allow_private_network_fetch")] // by default no loopback, link-local or private address
    public async Task AnImageTheFetchGuardWouldNotAllowIsNotFetched(string testSettingRemoved)
    {
        var weChat = Fixture.StartApplication(settings => settings.Remove(testSettingRemoved)).CreateWeChatClient();

        var received = await weChat.PushAsync(SignedPush.Image(_images.Serve(ImageServer.Png(1024))).From(Follower));

        Assert.Equal("这张图片没能下载下来，请重新发送。", received.Content);
        Assert.Equal(0, _images.Requests);
    }

    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        var target = _images.Serve(ImageServer.Png(1024));

        var received = await VisionApp().PushAsync(SignedPush.Image(_images.Redirect(target)).From(Follower));

        Assert.Equal("这张图片没能下载下来，请重新发送。", received.Content);
        Assert.Equal(1, _images.Requests);
    }

    private WeChatClient VisionApp() =>
        Fixture.StartApplication(settings => settings["chat_gpt_vision_model"] = "fake-vision").CreateWeChatClient();
}
