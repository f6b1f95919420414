namespace WeChatFunctions.Model;

internal enum ModelFailure
{
    /// <summary>Throttling, a server error, a timeout or the network: another try may succeed.</summary>
    Transient,

    /// <summary>The prompt is longer than the model's window.</summary>
    ContextLengthExceeded,

    /// <summary>Fails the same way every time: a bad key, an unknown model, a rejected request.</summary>
    Permanent,
}
