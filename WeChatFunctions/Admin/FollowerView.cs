using System.Globalization;
using WeChatFunctions.Dialog;
using WeChatFunctions.Limits;

namespace WeChatFunctions.Admin;

/// <summary>The reply to <c>get_user</c>: a follower's use today, their limits and standing, and when they last talked.</summary>
internal sealed class FollowerView(IAdminStore store, Quota quota, IConversationStore conversations)
{
    public async Task<string> RenderAsync(string followerId, CancellationToken cancellationToken)
    {
        var policy = await store.GetPolicyAsync(followerId, cancellationToken);
        var used = await quota.TodayAsync(followerId, cancellationToken);
        var limit = quota.LimitOf(followerId, policy);
        var tokenLimit = quota.TokenLimitOf(followerId, policy);
        var lastSeen = await conversations.LastTurnAtAsync(followerId, cancellationToken);
        return string.Join('\n',
            $"用户 {followerId}",
            $"今日已问：{used.Questions} 次，限额：{(limit == 0 ? "不限" : limit.ToString(CultureInfo.InvariantCulture))}",
            $"今日 token：{used.PromptTokens}+{used.CompletionTokens}，限额：{(tokenLimit == 0 ? "不限" : tokenLimit.ToString(CultureInfo.InvariantCulture))}",
            $"白名单：{(quota.IsWhiteListed(followerId, policy) ? "是" : "否")}，已禁用：{(policy.Blocked ? "是" : "否")}",
            $"最近对话：{(lastSeen is { } at ? AdminTexts.BeijingTime(at, "yyyy-MM-dd HH:mm") + "（北京时间）" : "无")}");
    }
}
