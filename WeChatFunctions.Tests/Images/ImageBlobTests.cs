using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Images;

/// <summary>
/// An image over 64 KiB waits in the <c>wechat-images</c> blob container; it goes the moment it is no longer the
/// follower's pending image, so no blob outlives its row.
/// </summary>
public sealed class ImageBlobTests(WeChatFixture fixture) : FollowerTest(fixture), IAsyncLifetime
{
    private const int Large = 200 * 1024;

    private ImageServer _images = null!;

    [Theory]
    [InlineData(Large)]
    [InlineData(1024)]
    public async Task ANewerImageDeletesTheBlobOfTheOneItReplaces(int nextSize)
    {
        var first = ImageServer.Png(Large);
        var next = ImageServer.Png(nextSize);
        await Fixture.WeChat.PushAsync(SignedPush.Image(_images.Serve(first)).From(Follower));
        var firstBlobs = await BlobsOfFollowerAsync();

        await Fixture.WeChat.PushAsync(SignedPush.Image(_images.Serve(next)).From(Follower));

        var firstBlob = Assert.Single(firstBlobs);
        Assert.Equal(first, firstBlob.Content);
        var blobs = await BlobsOfFollowerAsync();
        Assert.DoesNotContain(blobs, blob => blob.Name == firstBlob.Name || blob.Content.SequenceEqual(first));
        Assert.Equal(nextSize > 64 * 1024 ? 1 : 0, blobs.Count);
    }

    [Fact]
    public async Task UnsubscribingDeletesThePendingImagesBlob()
    {
        await Fixture.WeChat.PushAsync(SignedPush.Image(_images.Serve(ImageServer.Png(Large))).From(Follower));
        var before = await BlobsOfFollowerAsync();

        await Fixture.WeChat.PushAsync(SignedPush.Event("unsubscribe").From(Follower));

        Assert.Single(before);
        Assert.Empty(await BlobsOfFollowerAsync());
    }

    public async Task InitializeAsync() => _images = await ImageServer.StartAsync();

    public async Task DisposeAsync() => await _images.DisposeAsync();

    /// <summary>The container's blobs that hold this follower's images, named after the follower, as they are stored.</summary>
    private async Task<List<(string Name, byte[] Content)>> BlobsOfFollowerAsync()
    {
        var container = new BlobContainerClient(Fixture.Storage.ConnectionString, "wechat-images");
        var blobs = new List<(string, byte[])>();
        if (!await container.ExistsAsync())
        {
            return blobs;
        }

        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Follower, CancellationToken.None))
        {
            blobs.Add((blob.Name, (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray()));
        }

        return blobs;
    }
}
