using System.Text;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Writes text as lines of words: a run of white space becomes one space, a break between blocks one line break,
/// and no line is empty or starts or ends with a space. It refuses to grow past a length, as it goes.
/// </summary>
internal sealed class TextLines(int maxLength)
{
    private readonly StringBuilder _text = new();
    private char? _separator;

    public void Append(string piece)
    {
        foreach (var character in piece)
        {
            if (char.IsWhiteSpace(character))
            {
                _separator ??= _text.Length > 0 ? ' ' : null;
                continue;
            }

            if (_separator is { } separator)
            {
                _text.Append(separator);
                _separator = null;
            }

            _text.Append(character);
            if (_text.Length > maxLength)
            {
                throw new KnowledgeImportException(KnowledgeTexts.TooLong);
            }
        }
    }

    public void Break()
    {
        if (_text.Length > 0)
        {
            _separator = '\n';
        }
    }

    public override string ToString() => _text.ToString();
}
