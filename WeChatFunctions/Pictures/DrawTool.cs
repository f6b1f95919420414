using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Pictures;

/// <summary>
/// <c>draw</c>: the model draws a picture for the follower, which follows its answer's text; under the same limit,
/// moderation and statistics as <c>/画</c>, and at most one per answer. Not among the default tools: each picture costs money.
/// </summary>
internal sealed class DrawTool(PictureMaker maker, IToolCallStore calls, TimeProvider timeProvider, IOptions<ToolOptions> toolOptions) : IAssistantTool
{
    public const string Name = "draw";

    public AIFunctionDeclaration Declaration { get; } = AIFunctionFactory.CreateDeclaration(
        Name,
        "Draws one picture from a description and sends it to the user after your answer. Use it only when the user asks for a picture, "
        + "drawing, illustration, poster or photo to be made. At most one picture per answer. Describe the picture fully: subject, setting, "
        + "style, colours and composition.",
        JsonElement.Parse("""
            {"type":"object","properties":{"prompt":{"type":"string","description":"The description of the picture to draw."}},"required":["prompt"]}
            """));

    /// <summary>A picture takes far longer than <c>tool_timeout_seconds</c> allows most tools.</summary>
    public TimeSpan? Timeout => maker.Patience > toolOptions.Value.Timeout ? maker.Patience : toolOptions.Value.Timeout;

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var prompt = invocation.RequiredText("prompt");
        if (invocation.Question is { } question && await DrewAlreadyAsync(question, cancellationToken))
        {
            throw new ToolFailedException(PictureTexts.OnePerAnswer);
        }

        // The picture is charged under the question's message: one answer, one picture.
        var request = new PictureRequest(
            invocation.FollowerId,
            invocation.Question?.MessageId ?? Guid.NewGuid().ToString("N"),
            invocation.Question?.FirstArrival ?? timeProvider.GetUtcNow(),
            prompt,
            Policy: null,
            CountsTowardRate: false);
        var result = await maker.MakeAsync(request, cancellationToken);
        return result.Media is { } media ? new ToolResult(PictureTexts.DrawnForModel, Media: media) : throw new ToolFailedException(result.FollowerText);
    }

    /// <summary>Whether a picture was drawn for the question already: by a call before this one, on this instance or one that answered it before.</summary>
    private async Task<bool> DrewAlreadyAsync(ToolQuestion question, CancellationToken cancellationToken) =>
        (await calls.ReadAsync(question, cancellationToken)).Any(call => call.Name == Name && call.Media is not null);
}
