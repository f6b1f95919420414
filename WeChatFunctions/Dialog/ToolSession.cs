using Microsoft.Extensions.AI;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Dialog;

/// <summary>The tools one answer may call, the ledger of the calls it made, and the round it is at.</summary>
internal sealed class ToolSession(ToolCallLedger ledger, IReadOnlyList<IAssistantTool> tools, int maxRounds)
{
    private readonly Dictionary<string, IAssistantTool> _byName = tools.ToDictionary(tool => tool.Declaration.Name, StringComparer.Ordinal);

    public ToolCallLedger Ledger { get; } = ledger;

    public IList<AITool> Declarations { get; } = [.. tools.Select(tool => (AITool)tool.Declaration)];

    /// <summary>The next model call's round; calls recorded before a takeover took the rounds before it.</summary>
    public int Round { get; private set; } = ledger.NextRound;

    /// <summary>The model or its provider refused a request with tools; the rest of the answer goes without them.</summary>
    public bool Rejected { get; set; }

    /// <summary>Whether the next model call may still call tools: the last round must answer with what it has.</summary>
    public bool MayCall => !Rejected && Round < maxRounds;

    public IAssistantTool? Find(string name) => _byName.GetValueOrDefault(name);

    public void NextRound() => Round++;
}
