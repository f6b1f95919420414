using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Redaction;
using WeChatFunctions.Settings;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Memory;

/// <summary>
/// <c>remember</c>: stores a short fact about the follower for all their later conversations, within
/// <c>memory_max_facts</c>, and tells them so under the answer (已记住：…). The model may pass anything, so the admin
/// tokens are replaced before anything is stored.
/// </summary>
internal sealed class RememberTool(IMemoryStore store, TextRedaction redaction, TimeProvider timeProvider, IOptions<MemoryOptions> options) : IAssistantTool
{
    public const string Name = "remember";

    private const string FactArgument = "fact";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        Name,
        "Remembers a short fact about the user for every later conversation with them, such as an allergy, where they live or how they like answers. "
        + "Use it when the user asks you to remember something, or tells you something lasting about themselves that later answers should take into account. "
        + $"One fact per call, in the user's language, at most {FactBook.MaxFactCharacters} characters.",
        JsonElement.Parse("""
            {"type":"object","properties":{"fact":{"type":"string","description":"The fact, short and self-contained, e.g. 对花生过敏"}},"required":["fact"]}
            """));

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var fact = FactBook.Normalized(await redaction.RedactAsync(invocation.RequiredText(FactArgument), cancellationToken));
        if (fact.Length > FactBook.MaxFactCharacters)
        {
            throw new ToolFailedException(MemoryTexts.TooLong(fact.Length));
        }

        var remembered = new RememberedFact(fact, timeProvider.GetUtcNow());
        var maxFacts = options.Value.MaxFacts;
        var stored = await store.ChangeAsync(invocation.FollowerId, facts => FactBook.Add(facts, remembered, maxFacts), cancellationToken);
        return new ToolResult(MemoryTexts.Remembered(stored.Count, maxFacts), MemoryTexts.Footnote(fact));
    }
}
