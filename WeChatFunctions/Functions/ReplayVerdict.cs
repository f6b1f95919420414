namespace WeChatFunctions.Functions;

/// <summary>What the replay guard found out about a signed push.</summary>
internal enum ReplayVerdict
{
    /// <summary>A first arrival, or one of WeChat's own retries of it: serve it.</summary>
    Fresh,

    /// <summary>Seen before outside WeChat's retry pattern, or under its query with another body: refuse it.</summary>
    Replay,

    /// <summary>
    /// The ledger could not be read or written: the push cannot be told from a replay, so it is not handled, and WeChat
    /// is made to retry it.
    /// </summary>
    Unverified,
}
