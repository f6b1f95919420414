namespace WeChatFunctions.Storage;

/// <summary>
/// The one table for a follower's state, partitioned by follower: reply claims and their marks, the reading position,
/// tool calls and heard voices, and since the follower table took them over, the conversation turns, preferences,
/// remembered facts, shared link and pending image. It kept the name of its first rows, <c>WeChatReplies</c>, so that
/// claims never moved: instances of the version before and after it claim the same rows during a rolling deployment.
/// </summary>
/// <remarks>
/// Row keys: message ids (a letter and a digit), marks and records by prefix (<c>delivered-</c>, <c>tools-</c>, …), the
/// singletons <c>link</c>, <c>memory</c>, <c>pending</c> and <c>preferences</c>, then, sorting after every letter,
/// <c>~moved</c>, <c>~position</c> and the turns <c>~turn-…</c>, newest first.
/// </remarks>
internal static class FollowerTable
{
    public const string Name = "WeChatReplies";

    /// <summary>The row that says the follower's rows in the tables before this one were moved here (<see cref="LegacyFollowerTables"/>).</summary>
    public const string MovedRow = "~moved";
}
