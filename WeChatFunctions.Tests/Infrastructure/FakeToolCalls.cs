using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>The fake model's answer that calls functions instead of writing text, streamed or whole, as OpenAI sends it.</summary>
internal static class FakeToolCalls
{
    public static async Task WriteAsync(HttpContext context, FakeChatRequest request, IReadOnlyList<FakeToolCall> calls)
    {
        var usage = FakeModelServer.Usage(request.PromptTokens, calls.Sum(call => request.CompletionTokens(call.Name + call.Arguments)));
        var toolCalls = new JsonArray([.. calls.Select((call, index) => (JsonNode)new JsonObject
        {
            ["index"] = index,
            ["id"] = call.Id ?? $"call_{Guid.NewGuid():N}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
        })]);
        if (!request.Stream)
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = request.Model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = toolCalls },
                    ["finish_reason"] = "tool_calls",
                }),
                ["usage"] = usage,
            });
            return;
        }

        context.Response.ContentType = "text/event-stream";
        await FakeModelServer.WriteEventAsync(context, FakeModelServer.Chunk(request, new JsonObject { ["role"] = "assistant", ["tool_calls"] = toolCalls }, finishReason: null));
        await FakeModelServer.WriteEventAsync(context, FakeModelServer.Chunk(request, [], "tool_calls"));
        if (request.IncludeUsage)
        {
            var last = FakeModelServer.Chunk(request, [], null);
            last["choices"] = new JsonArray();
            last["usage"] = usage;
            await FakeModelServer.WriteEventAsync(context, last);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
        await context.Response.Body.FlushAsync();
        request.CompletedAt = Stopwatch.GetTimestamp();
    }
}
