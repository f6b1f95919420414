using System.Diagnostics.CodeAnalysis;

namespace WeChatFunctions.Pictures;

/// <summary>
/// A picture request: <c>/画 PROMPT</c> (the space is optional, as Chinese is typed: <c>/画一只猫</c>) or <c>/draw PROMPT</c>.
/// Recognised whether or not pictures are on, so that a follower who asks is told.
/// </summary>
internal static class DrawCommand
{
    private const string Chinese = "/画";

    private const string English = "/draw";

    /// <param name="prompt">The description, trimmed; empty when the command came alone.</param>
    public static bool TryParse(string content, [NotNullWhen(true)] out string? prompt)
    {
        var text = content.Trim();
        prompt = text.StartsWith(Chinese, StringComparison.Ordinal) ? text[Chinese.Length..].Trim()
            : text.StartsWith(English, StringComparison.OrdinalIgnoreCase) && (text.Length == English.Length || char.IsWhiteSpace(text[English.Length])) ? text[English.Length..].Trim()
            : null;
        return prompt is not null;
    }
}
