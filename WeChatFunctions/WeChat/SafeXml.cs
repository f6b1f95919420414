using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;

namespace WeChatFunctions.WeChat;

/// <summary>
/// Loads a WeChat XML document, encrypted envelope or message. DTDs are prohibited and nothing external is resolved,
/// so entity expansion and XXE cannot happen.
/// </summary>
public static class SafeXml
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 0,
    };

    /// <returns>Whether the body is well-formed XML with WeChat's <c>&lt;xml&gt;</c> root.</returns>
    public static bool TryLoad(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out XElement? root, [NotNullWhen(false)] out string? error)
    {
        root = null;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            root = XElement.Load(reader);
        }
        catch (XmlException exception)
        {
            error = $"malformed XML: {exception.Message}";
            return false;
        }

        if (root.Name != "xml")
        {
            root = null;
            error = "the root element is not <xml>";
            return false;
        }

        error = null;
        return true;
    }
}
