using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>How the assistant talks: its persona and how much history it sends.</summary>
public sealed class ConversationOptions
{
    public const string DefaultSystemPrompt =
        "你是一个运行在微信公众号里的智能助手。请用简洁、友好的中文回答；除非用户要求，不要使用 Markdown 格式；回答尽量控制在几段以内。";

    public const string DefaultWelcomeMessage =
        "你好，欢迎关注！我是 AI 助手，直接发文字或语音就能和我对话，我会记住最近的上下文。\n"
        + "· 回答较长时会分页，回复「继续」查看后续；\n"
        + "· 发一张图片，再提问，我可以帮你看图；\n"
        + "· 发送「帮助」或 /help 查看可用命令，例如 /reset 开始新对话。";

    /// <summary>The reply to a new follower (subscribe, including by QR code).</summary>
    [ConfigurationKeyName("welcome_message")]
    public string WelcomeMessage { get; set; } = DefaultWelcomeMessage;

    /// <summary>
    /// <c>plain</c> turns the model's Markdown into text that reads well in WeChat, which shows no formatting; <c>raw</c>
    /// sends it as the model wrote it.
    /// </summary>
    [ConfigurationKeyName("reply_format")]
    [RegularExpression("^(plain|raw)$", ErrorMessage = "Setting 'reply_format' must be plain or raw.")]
    public string ReplyFormat { get; set; } = "plain";

    public bool ConvertsMarkdown => ReplyFormat != "raw";

    /// <summary>Whether followers may use /help, /reset, /prompt and the other user commands.</summary>
    [ConfigurationKeyName("user_commands_enabled")]
    public bool FollowerCommandsEnabled { get; set; } = true;

    [ConfigurationKeyName("system_prompt")]
    public string SystemPrompt { get; set; } = DefaultSystemPrompt;

    [ConfigurationKeyName("max_context_tokens")]
    [Range(100, 2_000_000, ErrorMessage = "Setting 'max_context_tokens' must be between 100 and 2000000.")]
    public int MaxContextTokens { get; set; } = 4000;

    /// <summary>A follower quiet for longer than this starts a fresh conversation with their next question.</summary>
    [ConfigurationKeyName("session_idle_minutes")]
    [Range(1, 525_600)]
    public int SessionIdleMinutes { get; set; } = 30;
}
