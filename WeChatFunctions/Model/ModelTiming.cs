namespace WeChatFunctions.Model;

/// <summary>How long an answer's model call took: until its first text streamed in, and until it finished.</summary>
internal sealed record ModelTiming(TimeSpan FirstText, TimeSpan Complete);
