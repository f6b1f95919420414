using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>Turns a start-up failure caused by settings into the one line an operator needs to fix them.</summary>
internal static class SettingsErrors
{
    public static string? Describe(Exception exception)
    {
        var problems = Problems(exception).Distinct().ToList();
        return problems.Count == 0 ? null : "Configuration error: " + string.Join(" ", problems);
    }

    private static IEnumerable<string> Problems(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures,
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [message],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Problems),
        _ => [],
    };
}
