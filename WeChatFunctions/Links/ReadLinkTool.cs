using System.Text.Json;
using Microsoft.Extensions.AI;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Links;

/// <summary>
/// <c>read_link</c>: the title and main text of a web page whose URL the follower wrote, read by the
/// <see cref="LinkReader"/>. The loop fences and truncates what it returns, and stops it after <c>tool_timeout_seconds</c>.
/// </summary>
internal sealed class ReadLinkTool(LinkReader reader) : IAssistantTool
{
    public const string Name = "read_link";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        Name,
        "Reads a web page and returns its title and main text. Use it when the user's message contains an http or https link and the answer depends on what the page says.",
        JsonElement.Parse("""{"type":"object","properties":{"url":{"type":"string","description":"The page's full http or https URL, as written in the user's message."}},"required":["url"]}"""));

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var reading = await reader.ReadAsync(invocation.RequiredText("url"), ArticleFetcher.Timeout, cancellationToken);
        return reading.Article is { } article ? new ToolResult(LinkTexts.ToolResult(article)) : throw new ToolFailedException(reading.Failure + "。");
    }
}
