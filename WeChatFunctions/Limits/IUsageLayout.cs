namespace WeChatFunctions.Limits;

/// <summary>
/// Where a quota day's usage is kept. Days before the switch keep theirs in the <c>WeChatUsage</c> table, as versions
/// before the follower table did; days from it keep theirs in the follower's partition of the follower table.
/// </summary>
internal interface IUsageLayout
{
    /// <returns>The first quota day (<c>yyyyMMdd</c>) whose usage is kept in the follower table.</returns>
    Task<string> FollowerTableFromAsync(CancellationToken cancellationToken);
}
