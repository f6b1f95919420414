using WeChatFunctions.Limits;

namespace WeChatFunctions.Admin;

/// <summary>Everything admins change by command, shared by every instance the moment it is written.</summary>
internal interface IAdminStore
{
    Task<FollowerPolicy> GetPolicyAsync(string followerId, CancellationToken cancellationToken);

    Task ChangePolicyAsync(string followerId, FollowerPolicyChange change, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListWhiteListedAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListBlockedAsync(CancellationToken cancellationToken);

    Task SetDefaultLimitAsync(int dailyLimit, CancellationToken cancellationToken);

    /// <returns>The limit set by <c>set_default_limit</c>, or <see langword="null"/> when the setting's applies.</returns>
    Task<int?> GetDefaultLimitAsync(CancellationToken cancellationToken);

    /// <returns>The admin token set by <c>set_token</c>, or <see langword="null"/> when none was.</returns>
    Task<AdminTokenOverride?> GetTokenAsync(CancellationToken cancellationToken);

    Task SetTokenAsync(AdminTokenOverride token, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a failed admin command by <paramref name="senderId"/>; the <paramref name="maxFailures"/>th within
    /// <paramref name="window"/> locks the sender out for another <paramref name="window"/>.
    /// </summary>
    Task RecordFailureAsync(string senderId, DateTimeOffset at, int maxFailures, TimeSpan window, CancellationToken cancellationToken);

    Task<bool> IsLockedOutAsync(string senderId, DateTimeOffset at, CancellationToken cancellationToken);
}
