using System.Diagnostics.CodeAnalysis;

namespace WeChatFunctions.Commands;

/// <summary>
/// A follower's command: a message starting with <c>/</c>, or a Chinese alias (帮助, 新对话, 设定 …, 用量, 设置) standing
/// alone or followed by a space and its argument.
/// </summary>
/// <param name="Name">The command without its slash, in lower case: help, reset, prompt, model, temperature, usage, settings, memory.</param>
/// <param name="Argument">The rest of the message, trimmed; empty when there is none.</param>
internal sealed record FollowerCommand(string Name, string Argument)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["帮助"] = "help",
        ["新对话"] = "reset",
        ["设定"] = "prompt",
        ["用量"] = "usage",
        ["设置"] = "settings",
    };

    public static bool TryParse(string content, [NotNullWhen(true)] out FollowerCommand? command)
    {
        var text = content.Trim();
        var split = text.IndexOfAny([' ', '\n', '　']);
        var word = split < 0 ? text : text[..split];
        var argument = split < 0 ? "" : text[(split + 1)..].Trim();
        command = word switch
        {
            ['/', .. var name] => new FollowerCommand(name.ToLowerInvariant(), argument),
            _ when Aliases.TryGetValue(word, out var name) => new FollowerCommand(name, argument),
            _ => null,
        };
        return command is not null;
    }
}
