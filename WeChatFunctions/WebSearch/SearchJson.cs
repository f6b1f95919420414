using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeChatFunctions.WebSearch;

/// <summary>Writes a search request's JSON body, and reads the few fields a search response must have, refusing a response that lacks them.</summary>
internal static class SearchJson
{
    public static HttpContent Body(JsonObject body) => new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>The array at <paramref name="path"/>, such as <c>data</c>, <c>webPages</c>, <c>value</c>.</summary>
    /// <exception cref="JsonException">Something on the path is missing or of another kind.</exception>
    public static JsonElement.ArrayEnumerator Array(JsonElement root, params string[] path)
    {
        var element = root;
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                throw new JsonException($"The response has no '{string.Join('.', path)}'.");
            }
        }

        return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new JsonException($"The response's '{string.Join('.', path)}' is not an array.");
    }

    /// <summary>A string property, or <see langword="null"/> when it is missing or not a string.</summary>
    public static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
