using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>
/// Reads the <c>Values</c> of <c>local.settings.json</c>, the file Azure Functions Core Tools uses, so the app finds the
/// same settings when it runs standalone. Under the Functions host those values already arrive as environment variables.
/// </summary>
internal static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    public static IConfigurationBuilder AddLocalSettingsFile(this IConfigurationBuilder builder, string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return builder;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return builder;
        }

        var settings = values.EnumerateObject()
            .Select(property => KeyValuePair.Create(
                property.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
                property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText()));
        return builder.AddInMemoryCollection(settings);
    }
}
