using System.Globalization;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Claims;

/// <summary>
/// Names one push across WeChat's retries, within the follower: a message by its MsgId, an event (which has none) by
/// its CreateTime, name and key. Two menu clicks in one second share a CreateTime but not a key, so each is its own push.
/// </summary>
internal readonly record struct MessageKey(string FollowerId, string MessageId)
{
    /// <summary>Hex characters of the event's digest: 128 bits, far beyond any follower's clicks in one second.</summary>
    private const int EventDigestLength = 32;

    public static MessageKey For(InboundMessage message) => message switch
    {
        FollowerMessage sent => new(sent.FollowerId, string.Create(CultureInfo.InvariantCulture, $"m{sent.MessageId}")),
        EventMessage happened => new(happened.FollowerId, string.Create(CultureInfo.InvariantCulture, $"t{happened.CreateTime}-{EventDigest(happened)}")),
        _ => new(message.FollowerId, string.Create(CultureInfo.InvariantCulture, $"t{message.CreateTime}")),
    };

    public MessageKey WithMessage(string messageId) => this with { MessageId = messageId };

    /// <summary>
    /// The event's name and key as a fixed-size hex digest: the key is the operator's and may hold any character, or
    /// more than a row key's 1 KiB, while hex is a valid row key and has none of the separators stored beside it.
    /// </summary>
    private static string EventDigest(EventMessage happened) =>
        HexDigest.Sha256($"{happened.Event.ToUpperInvariant()}\n{happened.EventKey}")[..EventDigestLength];
}
