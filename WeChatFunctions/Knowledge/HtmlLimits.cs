namespace WeChatFunctions.Knowledge;

/// <summary>
/// How much of a page an import will work through. A page is written by a stranger, and parsing, reading and walking
/// it cost CPU on the instance that answers followers, so each step is bounded and an import that passes a bound is
/// refused with a reason rather than left to run.
/// </summary>
internal static class HtmlLimits
{
    /// <summary>
    /// Nesting deeper than this is refused before parsing. AngleSharp, like Chromium, attaches nothing deeper than 512
    /// in the DOM, but its work still grows with the square of the depth the page asks for (50,000 nested <c>div</c>s
    /// took over a minute to parse).
    /// </summary>
    public const int MaxDepth = 512;

    public const int MaxElements = 200_000;

    /// <summary>About a long novel; the chunks of more would cost more to embed than an admin expects.</summary>
    public const int MaxTextLength = 500_000;

    /// <summary>
    /// SmartReader (Readability) tells an article from its page only up to this many elements and this depth: its work
    /// grows faster than the page (10,000 paragraphs took 2 s, 100,000 took 56 s, 10,000 elements 500 deep 28 s) and
    /// it cannot be stopped. A larger page gives the text of its <c>article</c>, <c>main</c> or body instead.
    /// </summary>
    public const int ReadableElements = 5_000;

    public const int ReadableDepth = 64;

    /// <summary>
    /// SmartReader starts only with this much of the budget left, so that it ends within the fetch deadline: a page at
    /// the limits above took up to 4 s here, on two cores shared with other builds.
    /// </summary>
    public static readonly TimeSpan ReadingReserve = TimeSpan.FromSeconds(10);
}
