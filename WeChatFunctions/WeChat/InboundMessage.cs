namespace WeChatFunctions.WeChat;

/// <summary>
/// A message or event pushed by WeChat. The common fields are on every push.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
/// </summary>
/// <param name="AccountId">ToUserName: the account's original id (gh_…).</param>
/// <param name="FollowerId">FromUserName: the follower's OpenID.</param>
/// <param name="CreateTime">CreateTime, in Unix seconds.</param>
public abstract record InboundMessage(string AccountId, string FollowerId, long CreateTime);

/// <summary>A text message: the follower's question.</summary>
public sealed record TextMessage(string AccountId, string FollowerId, long CreateTime, string Content, long MessageId)
    : InboundMessage(AccountId, FollowerId, CreateTime);

/// <summary>
/// An event push (subscribe, unsubscribe, CLICK…). Events carry no MsgId; WeChat's retries of one share FollowerId and CreateTime.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
/// </summary>
public sealed record EventMessage(string AccountId, string FollowerId, long CreateTime, string Event, string? EventKey)
    : InboundMessage(AccountId, FollowerId, CreateTime);

/// <summary>Any message type this app does not handle yet; parsing never fails on a new type.</summary>
public sealed record UnknownMessage(string AccountId, string FollowerId, long CreateTime, string MessageType)
    : InboundMessage(AccountId, FollowerId, CreateTime);
