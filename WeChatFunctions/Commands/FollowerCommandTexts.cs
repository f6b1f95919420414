using System.Globalization;
using WeChatFunctions.Text;

namespace WeChatFunctions.Commands;

/// <summary>The replies to user commands, in one place.</summary>
internal static class FollowerCommandTexts
{
    public const int MaxPromptCharacters = 1000;

    public const string Reset = "已开始新对话，之前的内容不会再发给 AI。";

    public const string PromptReset = "已恢复默认的系统提示词。";

    public const string PromptSaved = "已设定你的专属系统提示词，从下一个问题开始生效。";

    /// <param name="drawing">Whether pictures are on, so that <c>/画</c> is listed.</param>
    public static string Help(string continueKeyword, bool drawing) =>
        $"""
        可用命令：
        /help（帮助）：显示本说明{(drawing ? "\n/画 描述（/draw 描述）：按描述画一张图，例如 /画 一只在月亮上钓鱼的猫" : "")}
        /reset（新对话）：开始新的对话
        /prompt 文字（设定 文字）：设定你的专属系统提示词；/prompt 查看，/prompt reset 恢复默认
        /model 名称：切换模型；/model 查看可选模型
        /temperature 0–2：设置回答的随机程度；/temperature reset 恢复默认
        /usage（用量）：今天的提问次数
        /memory：查看我记住的关于你的事；/memory forget 编号 删除一条，/memory clear 全部删除
        /settings（设置）：查看你的当前设置
        回答较长时回复「{continueKeyword}」查看后续。
        """;

    public static string Usage(string command) => command switch
    {
        "prompt" => $"用法：/prompt 文字（不超过 {MaxPromptCharacters} 字）；/prompt 查看；/prompt reset 恢复默认",
        "model" => "用法：/model 模型名；/model 查看可选模型",
        "temperature" => "用法：/temperature 0 到 2 之间的数字，例如 /temperature 0.7；/temperature reset 恢复默认",
        "memory" => "用法：/memory 查看我记住的关于你的事；/memory forget 编号 删除一条；/memory clear 全部删除",
        _ => $"未知命令 /{command}，发送 /help 查看可用命令。",
    };

    public static string ShowPrompt(string? personal) =>
        personal is null ? "你正在使用默认的系统提示词。用 /prompt 文字 设定你自己的。" : $"你的专属系统提示词：\n{personal}";

    public static string Models(string current, IReadOnlyList<string> allowed) =>
        $"当前模型：{current}\n可选模型：{string.Join("、", allowed)}";

    public static string UnknownModel(string name, IReadOnlyList<string> allowed) =>
        $"没有可选的模型「{name}」。可选模型：{string.Join("、", allowed)}";

    public static string ModelSaved(string model) => $"已切换到模型 {model}。";

    public static string TemperatureSaved(double? temperature) =>
        temperature is { } value ? $"已把 temperature 设为 {value.ToString(CultureInfo.InvariantCulture)}。" : "已恢复模型默认的 temperature。";

    public static string QuestionsToday(int used, int limit, int hoursUntilReset) => limit == 0
        ? $"今天已提问 {used} 次，你的提问次数不受限制。"
        : $"今天已提问 {used} 次，还剩 {Math.Max(0, limit - used)} 次（每天 {limit} 次），约 {hoursUntilReset} 小时后（0 点）重置。";

    /// <summary>Shown only when pictures are on: 0 for <paramref name="limit"/> means no limit.</summary>
    public static string PicturesToday(int drawn, int limit) => limit == 0
        ? $"\n今天已画图 {drawn} 张，画图次数不受限制。"
        : $"\n今天已画图 {drawn} 张，还剩 {Math.Max(0, limit - drawn)} 张（每天 {limit} 张）。";

    /// <summary>Shown only when a token limit applies: most followers never need to think in tokens.</summary>
    public static string TokensToday(long used, long limit) =>
        limit == 0 ? "" : $"\n今天已用 {used} token，还剩 {Math.Max(0, limit - used)}（每天 {limit}）。";

    public static string Settings(string? prompt, string model, double? temperature, int limit) =>
        $"""
        你的当前设置：
        系统提示词：{(prompt is null ? "默认" : ShortText.Of(prompt, 40))}
        模型：{model}
        temperature：{(temperature is { } value ? value.ToString(CultureInfo.InvariantCulture) : "模型默认")}
        每日提问次数：{(limit == 0 ? "不限" : limit.ToString(CultureInfo.InvariantCulture))}
        """;

    public const string NoMemories = "我还没有记住关于你的任何事。聊天时对我说「请记住……」，我就会记下来。";

    /// <summary>What <see cref="Memories"/> adds around the list, generously: the heading, the page line and the last line.</summary>
    public const int MemoriesFrameBytes = 256;

    public static string Memories(int count, string lines, int page, int pages) =>
        $"我记住的关于你的事（共 {count} 条）：\n{lines}\n"
        + (pages == 1 ? "" : page < pages ? $"（第 {page}/{pages} 页，发送 /memory {page + 1} 查看下一页）\n" : $"（第 {page}/{pages} 页）\n")
        + "发送 /memory forget 编号 删除一条，/memory clear 全部删除。";

    public static string NoSuchMemoryPage(int pages) => $"记忆只有 {pages} 页。发送 /memory 查看第 1 页。";

    public static string NoSuchMemory(int number, int count) =>
        count == 0 ? NoMemories : $"没有第 {number} 条记忆（共 {count} 条），什么也没有删除。发送 /memory 查看编号。";

    public static string MemoryForgotten(int number, string fact) => $"已删除第 {number} 条：{fact}";

    public static string MemoryCleared(int count) => count == 0 ? "没有需要删除的记忆。" : $"已删除全部 {count} 条记忆，以后的对话不会再带上它们。";
}
