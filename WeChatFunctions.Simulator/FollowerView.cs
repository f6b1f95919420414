namespace WeChatFunctions.Simulator;

/// <summary>What the follower sees after one push: a reply, nothing, or one of WeChat's error texts and why.</summary>
public sealed record FollowerView(string? Reply, string? WeChatError, string? Reason)
{
    /// <summary>Shown when a reply is malformed, too long, misaddressed or badly encrypted.</summary>
    public const string ServiceFault = "该公众号提供的服务出现故障，请稍后再试";

    /// <summary>Shown when no attempt got a usable answer in time.</summary>
    public const string ServiceUnavailable = "该公众号暂时无法提供服务，请稍后再试";

    public bool IsError => WeChatError is not null;

    public static FollowerView Shows(string reply) => new(reply, null, null);

    public static readonly FollowerView Nothing = new(null, null, null);

    public static FollowerView Fault(string reason) => new(null, ServiceFault, reason);

    public static FollowerView Unavailable(string reason) => new(null, ServiceUnavailable, reason);
}
