namespace WeChatFunctions.Tools;

/// <summary>Counts the tool calls that ran, for the daily statistics.</summary>
internal interface IToolCallCounter
{
    /// <summary>A tool ran for the model, and whether it failed (a timeout included).</summary>
    void ToolRan(string tool, bool failed);
}
