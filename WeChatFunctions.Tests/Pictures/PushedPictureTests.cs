using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Pictures;

/// <summary>reply_mode customer_service: a <c>/画</c> is acknowledged at once, and its picture pushed as an image message when it is ready.</summary>
public sealed class PushedPictureTests(WeChatFixture fixture) : PictureTest(fixture)
{
    [Fact]
    public async Task ASlowPictureIsPushedAsAnImageMessageWhenItIsReady()
    {
        var weChat = StartApp("customer_service");
        var finish = new TaskCompletionSource();
        Images.Gate = finish.Task;

        var reply = await weChat.PushAsync(SignedPush.Text("/画 一座雪山").From(Follower));
        await Images.Requested;
        var pushedBeforeThePicture = Account.Api.Pushes.Count(push => push.OpenId == Follower);
        finish.SetResult();
        var pushed = await Account.AttemptedToAsync(Follower, 1);

        Assert.True(reply.IsSuccessWithoutReply, reply.Body);
        Assert.Equal(0, pushedBeforeThePicture);
        var picture = Assert.Single(pushed);
        Assert.Equal(("image", 0), (picture.MessageType, picture.ErrorCode));
        Assert.Equal(Images.Picture, Uploaded(picture.Content));
        Assert.Single(Images.Requests);
    }
}
