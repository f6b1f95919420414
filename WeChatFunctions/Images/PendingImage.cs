namespace WeChatFunctions.Images;

/// <summary>An image a follower sent, waiting for their question about it. The bytes are kept: WeChat's URLs expire.</summary>
internal sealed record PendingImage(ReadOnlyMemory<byte> Bytes, string MediaType, DateTimeOffset ReceivedAt)
{
    /// <summary>A question sent later than this after the image is taken to be about something else.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public bool IsFreshAt(DateTimeOffset moment) => moment - ReceivedAt <= Lifetime;
}
