using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeChatFunctions.Moderation;

/// <summary>The Content Safety text analysis request, with the default four severity levels (0, 2, 4, 6).</summary>
internal sealed record AnalyzeTextRequest(string Text);

internal sealed record AnalyzeTextResult(IReadOnlyList<TextCategoryAnalysis> CategoriesAnalysis);

internal sealed record TextCategoryAnalysis(string Category, int Severity);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AnalyzeTextRequest))]
[JsonSerializable(typeof(AnalyzeTextResult))]
internal sealed partial class ContentSafetyJson : JsonSerializerContext;
