namespace WeChatFunctions.WeChatApi;

/// <summary>What the admins see of the WeChat API: the last failure, and the last call that worked.</summary>
/// <param name="Problem">The last failure's problem, or <see langword="null"/> once a call worked after it.</param>
internal sealed record WeChatApiHealthState(WeChatApiProblem? Problem, int ErrorCode, string? Call, DateTimeOffset? FailedAt, DateTimeOffset? SucceededAt)
{
    public static readonly WeChatApiHealthState Unknown = new(null, 0, null, null, null);
}
