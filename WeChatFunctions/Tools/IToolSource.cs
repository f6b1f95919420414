namespace WeChatFunctions.Tools;

/// <summary>Tools that come and go at run time, such as those of the operator's MCP servers.</summary>
internal interface IToolSource
{
    /// <summary>The tools it offers now. Must answer at once from what it knows: it is asked before every answer.</summary>
    IReadOnlyList<IAssistantTool> Tools { get; }
}
