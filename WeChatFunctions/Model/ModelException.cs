namespace WeChatFunctions.Model;

/// <summary>
/// A failure of the model API, whatever the SDK, the network or the server threw. Code behind <c>IChatClient</c> sees
/// only this, never SDK exceptions.
/// </summary>
internal sealed class ModelException(ModelFailure failure, Exception innerException)
    : Exception($"The model API failed ({failure}): {innerException.Message}", innerException)
{
    public ModelFailure Failure { get; } = failure;
}
