using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;

namespace WeChatFunctions.WeChat;

/// <summary>
/// Reads WeChat XML, encrypted envelope or message. DTDs are prohibited and nothing external is resolved, so entity
/// expansion and XXE cannot happen. Nesting is bounded before any tree is built: building one is quadratic in the
/// depth, and an unauthenticated envelope 150,000 elements deep would otherwise pin a CPU for half a minute.
/// </summary>
public static class SafeXml
{
    /// <summary>
    /// The deepest node a push has: the text of <c>PicMd5Sum</c> in <c>xml/SendPicsInfo/PicList/item/PicMd5Sum</c>,
    /// the deepest of the menu events' nested fields.
    /// </summary>
    public const int MaxDepth = 5;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
    };

    /// <returns>Whether the body is well-formed XML with WeChat's <c>&lt;xml&gt;</c> root, nested no deeper than <see cref="MaxDepth"/>.</returns>
    public static bool TryLoad(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out XElement? root, [NotNullWhen(false)] out string? error)
    {
        root = null;
        if (!TryRead(body, _ => { }, out error))
        {
            return false;
        }

        // Only a document already known to be shallow becomes a tree.
        using var reader = ReaderOver(body);
        root = XElement.Load(reader);
        return true;
    }

    /// <summary>
    /// Reads the text of one child of the root in a single streaming pass, building no tree: for the encrypted
    /// envelope, whose other fields are not covered by its signature and are not needed.
    /// </summary>
    public static bool TryReadChild(ReadOnlyMemory<byte> body, string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        string? found = null;
        var read = TryRead(body, reader =>
        {
            if (found is null && reader is { NodeType: XmlNodeType.Element, Depth: 1 } && reader.LocalName == name && !reader.IsEmptyElement)
            {
                found = reader.ReadElementContentAsString();
            }
        }, out error);
        value = read ? found : null;
        if (read && value is null)
        {
            error = $"the push has no {name} element";
        }

        return value is not null;
    }

    /// <summary>Walks the whole document once, checking its root and depth, and shows each node to <paramref name="visit"/>.</summary>
    private static bool TryRead(ReadOnlyMemory<byte> body, Action<XmlReader> visit, [NotNullWhen(false)] out string? error)
    {
        try
        {
            using var reader = ReaderOver(body);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "xml")
            {
                error = "the root element is not <xml>";
                return false;
            }

            while (reader.Read())
            {
                if (reader.Depth > MaxDepth)
                {
                    error = $"the XML is nested deeper than {MaxDepth} levels";
                    return false;
                }

                visit(reader);
            }
        }
        catch (XmlException exception)
        {
            error = $"malformed XML: {exception.Message}";
            return false;
        }

        error = null;
        return true;
    }

    private static XmlReader ReaderOver(ReadOnlyMemory<byte> body) =>
        XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), ReaderSettings);
}
