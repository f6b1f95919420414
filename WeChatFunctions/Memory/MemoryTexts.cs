namespace WeChatFunctions.Memory;

/// <summary>What the <c>remember</c> tool tells the model and the follower, and how the facts are put to the model.</summary>
internal static class MemoryTexts
{
    /// <summary>The quoted material's source name for the facts.</summary>
    public const string Source = "memory";

    /// <summary>The line above the facts inside their fence.</summary>
    public const string Heading = "这位用户以前让你记住的关于他的事（按记下的先后）：";

    /// <summary>For the system instructions of a prompt that carries the facts.</summary>
    public const string Instruction =
        "用户消息里 source=\"" + Source + "\" 的引用资料，是你以前用 remember 工具记下的关于这位用户的事，回答时可以参考。"
        + "用户想查看或删除这些记忆时，告诉他发送 /memory 查看、/memory forget 编号 删除一条、/memory clear 全部删除。";

    /// <summary>The line added to the answer: the follower sees what was stored.</summary>
    public static string Footnote(string fact) => $"已记住：{fact}";

    public static string Remembered(int count, int maxFacts) =>
        $"已记住。以后与这位用户的每次对话都会带上它。现在共记住 {count} 条，最多 {maxFacts} 条，再多会删去最早的。";

    public static string TooLong(int length) =>
        $"没有记住：这条有 {length} 个字符，超过了 {FactBook.MaxFactCharacters} 个字符的上限。请概括得更短后再记。";
}
