namespace WeChatFunctions.Pushing;

/// <summary>
/// How often every instance sweeps for pushes a dead instance left: a dead owner's claim times out after 5 s and its
/// push lease after 30 s, so a sweep this often picks either up soon after.
/// </summary>
internal sealed record PushSweepInterval(TimeSpan Interval)
{
    public static readonly PushSweepInterval Default = new(TimeSpan.FromSeconds(10));
}
