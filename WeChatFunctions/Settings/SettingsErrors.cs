using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>Turns a start-up failure caused by settings into the one line an operator needs to fix them.</summary>
internal static partial class SettingsErrors
{
    /// <summary>The options validator generator words range failures by C# member; operators know the setting names.</summary>
    private static readonly Dictionary<string, string> SettingNames = new[]
    {
        NamesOf<WeChatOptions>(), NamesOf<ModelOptions>(), NamesOf<ConversationOptions>(), NamesOf<ReplyWindowOptions>(), NamesOf<QuotaOptions>(), NamesOf<CleanupOptions>(),
        NamesOf<CustomerServiceOptions>(), NamesOf<KnowledgeOptions>(), NamesOf<DashboardOptions>(), NamesOf<ToolOptions>(), NamesOf<McpOptions>(), NamesOf<MemoryOptions>(), NamesOf<WebSearchOptions>(),
        NamesOf<SpeechOptions>(), NamesOf<VoiceReplyOptions>(), NamesOf<TranscriptionOptions>(),
        NamesOf<ImageGenerationOptions>(),
    }.SelectMany(names => names).ToDictionary(StringComparer.Ordinal);

    public static string? Describe(Exception exception)
    {
        var problems = Problems(exception).Select(InSettingNames).Distinct().ToList();
        return problems.Count == 0 ? null : "Configuration error: " + string.Join(" ", problems);
    }

    private static IEnumerable<string> Problems(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures,
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [message],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Problems),
        _ => [],
    };

    private static string InSettingNames(string problem)
    {
        var match = GeneratedFieldMessage().Match(problem);
        return match.Success && SettingNames.TryGetValue(match.Groups["member"].Value, out var setting)
            ? $"Setting '{setting}' {match.Groups["rest"].Value}"
            : problem;
    }

    private static IEnumerable<KeyValuePair<string, string>> NamesOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>() =>
        typeof(TOptions).GetProperties()
            .Select(property => (Member: $"{typeof(TOptions).Name}.{property.Name}", property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name))
            .Where(names => names.Name is not null)
            .Select(names => KeyValuePair.Create(names.Member, names.Name!));

    [GeneratedRegex(@"^\w+: The field (?<member>\w+\.\w+) (?<rest>.*)$")]
    private static partial Regex GeneratedFieldMessage();
}
