using System.Globalization;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Claims;

/// <summary>
/// Names one push across WeChat's retries: messages by MsgId, events (which have none) by CreateTime, both within
/// the follower.
/// </summary>
internal readonly record struct MessageKey(string FollowerId, string MessageId)
{
    public static MessageKey For(InboundMessage message) => message switch
    {
        FollowerMessage sent => new(sent.FollowerId, string.Create(CultureInfo.InvariantCulture, $"m{sent.MessageId}")),
        _ => new(message.FollowerId, string.Create(CultureInfo.InvariantCulture, $"t{message.CreateTime}")),
    };

    public MessageKey WithMessage(string messageId) => this with { MessageId = messageId };
}
