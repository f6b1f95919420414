namespace WeChatFunctions.Tools;

/// <summary>A tool call that could not be done, with a reason the model may read and pass on, in Chinese.</summary>
internal sealed class ToolFailedException(string reason, Exception? inner = null) : Exception(reason, inner);
