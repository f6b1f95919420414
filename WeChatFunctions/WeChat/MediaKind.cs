namespace WeChatFunctions.WeChat;

/// <summary>The media a reply or a customer-service message can carry besides text.</summary>
public enum MediaKind
{
    /// <summary>A voice (AMR or MP3, at most 60 seconds and 2 MB).</summary>
    Voice,

    /// <summary>A picture (PNG or JPEG, at most 10 MB).</summary>
    Image,
}
