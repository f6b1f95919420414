namespace WeChatFunctions.Limits;

/// <summary>What admins set for a follower by command, with the default limit they set for everyone.</summary>
/// <param name="DailyLimit">This follower's own limit (set_limit), overriding the default.</param>
/// <param name="DefaultLimit">The limit set by set_default_limit, overriding the <c>daily_limit</c> setting.</param>
internal sealed record FollowerPolicy(bool WhiteListed, bool Blocked, int? DailyLimit, int? DefaultLimit)
{
    public static readonly FollowerPolicy None = new(WhiteListed: false, Blocked: false, DailyLimit: null, DefaultLimit: null);
}

/// <summary>A change to a follower's policy; <see langword="null"/> leaves a field as it is.</summary>
internal sealed record FollowerPolicyChange(bool? WhiteListed = null, bool? Blocked = null, int? DailyLimit = null);
