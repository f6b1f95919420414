using WeChatFunctions.Claims;

namespace WeChatFunctions.Pushing;

/// <summary>
/// An answer, or what is left of one, to send as customer-service messages, and how far sending has got. Each send is
/// recorded before and after it, so that an instance taking over after a crash neither skips nor repeats a message.
/// </summary>
/// <param name="FirstArrival">When the follower's message first arrived: WeChat accepts pushes for 48 hours after it.</param>
/// <param name="SentEnd">Where in the answer's text the messages sent so far end; the first starts at the offset a passive reply reached.</param>
/// <param name="Sent">How many customer-service messages this answer has used.</param>
/// <param name="Page">The page number the next 「继续」 would show, should pushing stop short.</param>
/// <param name="Sending">A send was started and not recorded as done: its instance died during the call, or the record failed.</param>
/// <param name="Failures">Transient failures so far; after a few the answer falls back to 「继续」.</param>
/// <param name="LeaseUntil">The instance pushing it holds it until then; a dead one's lease runs out.</param>
/// <param name="Version">The storage version (ETag) this copy was read or written at.</param>
internal sealed record PushJob(
    MessageKey Key,
    DateTimeOffset FirstArrival,
    int SentEnd,
    int Sent,
    int Page,
    bool Sending,
    int Failures,
    DateTimeOffset LeaseUntil,
    string Version = "")
{
    /// <summary>WeChat's customer-service window after the follower's message.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    public static PushJob From(MessageKey key, DateTimeOffset firstArrival, int offset, int page) =>
        new(key, firstArrival, offset, Sent: 0, page, Sending: false, Failures: 0, LeaseUntil: DateTimeOffset.UnixEpoch);
}
