using WeChatFunctions.Limits;

namespace WeChatFunctions.Statistics;

/// <summary>
/// Each finished day's top followers by tokens, rolled up from their usage rows before those expire, so that the
/// dashboard can rank 30 and 90 days. Only masked OpenIDs are kept (<see cref="MaskedFollower"/>): nothing in a
/// roll-up reaches a follower, and it outlives no unfollow as an ID.
/// </summary>
internal interface ISpenderRollUpStore
{
    /// <summary>How many followers each day keeps: those below them add nothing to that day's ranking.</summary>
    public const int FollowersPerDay = 200;

    /// <summary>How long a day's roll-up is kept: the dashboard's longest range.</summary>
    public const int KeptDays = 90;

    /// <returns>The tokens of each masked follower summed over the rolled-up days from <paramref name="firstDay"/> to <paramref name="lastDay"/> (<c>yyyyMMdd</c>), both included.</returns>
    Task<IReadOnlyList<FollowerSpend>> ReadAsync(string firstDay, string lastDay, CancellationToken cancellationToken);
}
