namespace WeChatFunctions.Images;

/// <summary>The outcome of fetching a follower's image: its bytes and media type, or the Chinese text saying why not.</summary>
internal sealed record ImageDownload(byte[]? Bytes, string? MediaType, string? Failure)
{
    public static ImageDownload Of(byte[] bytes, string mediaType) => new(bytes, mediaType, null);

    public static ImageDownload Failed(string failure) => new(null, null, failure);
}
