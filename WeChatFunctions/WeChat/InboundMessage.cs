namespace WeChatFunctions.WeChat;

/// <summary>
/// A message or event pushed by WeChat. The common fields are on every push.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
/// </summary>
/// <param name="AccountId">ToUserName: the account's original id (gh_…).</param>
/// <param name="FollowerId">FromUserName: the follower's OpenID.</param>
/// <param name="CreateTime">CreateTime, in Unix seconds.</param>
public abstract record InboundMessage(string AccountId, string FollowerId, long CreateTime);

/// <summary>Something the follower sent; WeChat's retries of it share its MsgId.</summary>
public abstract record FollowerMessage(string AccountId, string FollowerId, long CreateTime, long MessageId)
    : InboundMessage(AccountId, FollowerId, CreateTime);

/// <summary>A text message: the follower's question.</summary>
public sealed record TextMessage(string AccountId, string FollowerId, long CreateTime, string Content, long MessageId)
    : FollowerMessage(AccountId, FollowerId, CreateTime, MessageId);

/// <summary>
/// A voice message. <paramref name="Recognition"/> is WeChat's transcript, present only when the account has
/// 接收语音识别结果 switched on (and empty for some voices even then); <paramref name="MediaId"/> fetches the voice
/// itself with <c>media/get</c> for three days, in <paramref name="Format"/>: <c>amr</c>, or <c>speex</c> for 16 kHz.
/// </summary>
public sealed record VoiceMessage(string AccountId, string FollowerId, long CreateTime, string? Recognition, long MessageId, string MediaId, string Format)
    : FollowerMessage(AccountId, FollowerId, CreateTime, MessageId);

/// <summary>An image message. <paramref name="PictureUrl"/> (PicUrl) is on WeChat's CDN and expires after a while.</summary>
public sealed record ImageMessage(string AccountId, string FollowerId, long CreateTime, string PictureUrl, long MessageId)
    : FollowerMessage(AccountId, FollowerId, CreateTime, MessageId);

/// <summary>
/// A link message: an article the follower shared. <paramref name="Url"/> is whatever the follower's client sent and
/// is fetched, if at all, only through the guarded fetch client; the title and description are the sharer's too.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
/// </summary>
public sealed record LinkMessage(string AccountId, string FollowerId, long CreateTime, string Title, string Description, string Url, long MessageId)
    : FollowerMessage(AccountId, FollowerId, CreateTime, MessageId);

/// <summary>
/// An event push (subscribe, unsubscribe, CLICK…). Events carry no MsgId; WeChat's retries of one share FollowerId and CreateTime.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
/// </summary>
public sealed record EventMessage(string AccountId, string FollowerId, long CreateTime, string Event, string? EventKey)
    : InboundMessage(AccountId, FollowerId, CreateTime)
{
    /// <summary>Whether this is the event <paramref name="name"/>; WeChat's own case varies (subscribe, CLICK), so any case matches.</summary>
    public bool Is(string name) => Event.Equals(name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Any message type this app does not handle (video, location…); parsing never fails on a new type.</summary>
public sealed record UnknownMessage(string AccountId, string FollowerId, long CreateTime, string MessageType)
    : InboundMessage(AccountId, FollowerId, CreateTime);
