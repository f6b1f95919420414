namespace WeChatFunctions.WeChat;

/// <summary>
/// How WeChat retries a push that gets no reply: it waits 5 s per attempt, then sends the same body again, three
/// attempts in all. See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
/// </summary>
public static class WeChatRetries
{
    public const int Attempts = 3;

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>From the first attempt's arrival to the moment WeChat gives up on the last one.</summary>
    public static readonly TimeSpan Window = AttemptTimeout * Attempts;

    /// <summary>
    /// Attempts arrive 5 s apart, so one that arrives 7.5 s or more after the first is the last. Timing rather than
    /// counting still recognises the last attempt when an earlier one never reached the app.
    /// </summary>
    public static bool IsLastAttempt(DateTimeOffset firstArrival, DateTimeOffset arrival) => AttemptAt(firstArrival, arrival) == Attempts;

    /// <summary>
    /// When WeChat stops waiting for the attempt that arrived at <paramref name="arrival"/>: 5 s after it, or sooner when
    /// a busy instance took the request up late, judged by the 5 s slot the attempt belongs to.
    /// </summary>
    public static DateTimeOffset GivesUpOn(DateTimeOffset firstArrival, DateTimeOffset arrival)
    {
        var slotEnd = firstArrival + (AttemptTimeout * AttemptAt(firstArrival, arrival));
        return slotEnd < arrival + AttemptTimeout ? slotEnd : arrival + AttemptTimeout;
    }

    /// <summary>Which attempt, 1 to 3, arrives at <paramref name="arrival"/>: the one whose 5 s slot is nearest.</summary>
    public static int AttemptAt(DateTimeOffset firstArrival, DateTimeOffset arrival) =>
        Math.Clamp(1 + (int)Math.Floor(((arrival - firstArrival) / AttemptTimeout) + 0.5), 1, Attempts);
}
