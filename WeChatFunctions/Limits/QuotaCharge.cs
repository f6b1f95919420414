namespace WeChatFunctions.Limits;

/// <summary>A charged question's hold on the budgets, until its answer settles it.</summary>
/// <param name="AccountTokens">The tokens this instance holds for it from the account's budget.</param>
internal sealed record QuotaCharge(string FollowerId, string Day, string MessageId, long AccountTokens);
