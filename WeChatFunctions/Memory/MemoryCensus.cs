namespace WeChatFunctions.Memory;

/// <summary>How many followers have remembered facts and how many facts there are in all; never what they say.</summary>
/// <param name="TakenAt">When the cleanup counted them.</param>
internal sealed record MemoryCensus(long Followers, long Facts, DateTimeOffset TakenAt);
