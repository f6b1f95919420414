using System.Text;
using Microsoft.Extensions.AI;

namespace WeChatFunctions.Dialog;

/// <summary>The text of an answer as it streams in, passed on to <paramref name="onText"/> chunk by chunk.</summary>
internal sealed class StreamedText(Action<string> onText, string start = "")
{
    /// <summary>A Table Storage string property holds 32K characters; no WeChat reader pages through more than this.</summary>
    public const int MaxCharacters = 30_000;

    private readonly StringBuilder _text = new(start);

    public bool IsEmpty => string.IsNullOrWhiteSpace(ToString());

    public bool IsFull => _text.Length >= MaxCharacters;

    /// <summary>The token usage the API reported at the end of each stream, added up over the rounds of tool calls; <see langword="null"/> if it never did.</summary>
    public UsageDetails? Usage { get; private set; }

    public void AddUsage(UsageDetails? usage)
    {
        if (usage is null)
        {
            return;
        }

        if (Usage is null)
        {
            Usage = new UsageDetails();
        }

        Usage.Add(usage);
    }

    public void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        _text.Append(text);
        onText(text);
    }

    public override string ToString() => _text.ToString().Trim();
}
