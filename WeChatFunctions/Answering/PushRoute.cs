namespace WeChatFunctions.Answering;

/// <summary>How a new answer reaches the follower, from <c>reply_mode</c> and whether the WeChat API works just now.</summary>
internal enum PushRoute
{
    /// <summary>Passive replies and 「继续」 only.</summary>
    Passive,

    /// <summary>The push is acknowledged at once; the whole answer follows as customer-service messages.</summary>
    EveryAnswer,

    /// <summary>A passive reply while the answer fits the window; what does not follows as customer-service messages.</summary>
    TheRest,
}
