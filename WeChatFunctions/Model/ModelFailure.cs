namespace WeChatFunctions.Model;

internal enum ModelFailure
{
    /// <summary>Throttling, a server error, a timeout or the network: another try may succeed.</summary>
    Transient,

    /// <summary>The prompt is longer than the model's window.</summary>
    ContextLengthExceeded,

    /// <summary>Fails the same way every time: a bad key, an unknown model.</summary>
    Permanent,

    /// <summary>HTTP 400 for something in the request other than its length, such as <c>tools</c> a model cannot take.</summary>
    Rejected,
}
