using AngleSharp.Dom;

namespace WeChatFunctions.Knowledge;

/// <summary>How many elements a page has and how deep they nest, for <see cref="HtmlLimits"/>.</summary>
internal readonly record struct HtmlShape(int Elements, int Depth)
{
    /// <summary>Whether SmartReader may read the page: it cannot be stopped, so it gets only pages it reads quickly.</summary>
    public bool IsReadable => Elements <= HtmlLimits.ReadableElements && Depth <= HtmlLimits.ReadableDepth;

    /// <summary>Measures a parsed document, without recursion.</summary>
    public static HtmlShape Of(INode root, CancellationToken cancellationToken)
    {
        var (elements, depth) = (0, 0);
        DomWalk.Walk(
            root,
            (node, at) =>
            {
                if (node is IElement)
                {
                    (elements, depth) = (elements + 1, Math.Max(depth, at));
                }

                return true;
            },
            leave: null,
            cancellationToken);
        return new HtmlShape(elements, depth);
    }

    /// <exception cref="KnowledgeImportException">The page nests too deep or has too many elements.</exception>
    public HtmlShape WithinLimits() =>
        Depth > HtmlLimits.MaxDepth ? throw new KnowledgeImportException(KnowledgeTexts.TooDeep)
        : Elements > HtmlLimits.MaxElements ? throw new KnowledgeImportException(KnowledgeTexts.TooManyElements)
        : this;
}
