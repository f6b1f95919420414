using System.ClientModel;
using WeChatFunctions.Dialog;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Knowledge;

/// <summary>What followers and the model are told about the knowledge base.</summary>
internal static class KnowledgeTexts
{
    /// <summary>The reply in <c>only</c> mode when no passage comes close enough; the question is not charged.</summary>
    public const string NothingFound = "抱歉，公众号的资料里没有找到和这个问题相关的内容。可以换个说法再问，或者问问资料里介绍过的内容。你的问题没有被计入用量。";

    /// <summary>The reply in <c>only</c> mode when the knowledge base cannot be searched; the question is not charged.</summary>
    public const string Unavailable = "抱歉，公众号的资料库暂时查不了，请稍后再发一次你的问题。你的问题没有被计入用量。";

    /// <summary>Tells the model, in the system prompt in <c>prefer</c> mode, how to use the passages.</summary>
    public const string PreferInstruction =
        "用户的问题前附有本公众号资料中与问题相关的片段。回答时请优先依据这些资料；资料没有涵盖的部分，要先说明“资料中没有提到”，再用你的通用知识补充。不要编造资料里没有的具体信息（如价格、时间、地址）。"
        + QuotedMaterial.Instruction;

    /// <summary>Tells the model, in the system prompt in <c>only</c> mode, how to use the passages.</summary>
    public const string OnlyInstruction =
        "用户的问题前附有本公众号资料中与问题相关的片段。只能依据这些资料回答；资料没有涵盖的，直接说明“资料中没有相关内容”，不要用通用知识补充，也不要编造。"
        + QuotedMaterial.Instruction;

    /// <summary>Opens the message that carries the passages, before the question.</summary>
    public const string MaterialHeading = "以下是本公众号资料中与问题相关的片段，供回答参考：";

    /// <summary>Starts the line that names the articles an answer drew on.</summary>
    public const string SourcesLabel = "参考：";

    /// <summary>Why a page was not imported: it nests deeper than any real article.</summary>
    public static string TooDeep => $"网页的标签嵌套超过 {HtmlLimits.MaxDepth} 层，不像正常的文章，没有导入";

    public static string TooManyElements => $"网页的元素超过 {HtmlLimits.MaxElements / 10_000} 万个，太复杂了，没有导入";

    public static string TooLong => $"正文超过 {HtmlLimits.MaxTextLength / 10_000} 万字，请拆成几篇再导入";

    public static string TooLarge => $"网页超过 {ArticleFetcher.MaxBytes / 1024 / 1024} MB";

    /// <summary>Why a page was not imported: reading it took the whole time an import may take.</summary>
    public const string TooSlow = "网页太复杂，没能在规定时间内提取出正文，没有导入";

    /// <summary>A short, secret-free description of a failure, for an admin.</summary>
    public static string ProblemOf(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } result => $"HTTP {result.Status}",
        WeChatApiException api => $"错误码 {api.ErrorCode}（{api.Problem}）",
        Azure.RequestFailedException { Status: > 0 } request => $"HTTP {request.Status}",
        HttpRequestException => "无法连接",
        TimeoutException or TaskCanceledException => "超时",
        _ => exception.GetType().Name,
    };
}
