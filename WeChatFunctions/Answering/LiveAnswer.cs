using System.Text;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>
/// An answer being generated on this instance. Attempts waiting on it are woken at every change, so a reply leaves
/// the moment its page exists, with no polling.
/// </summary>
internal sealed class LiveAnswer(DateTimeOffset firstArrival, string textSoFar = "")
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new(textSoFar);
    private AnswerSnapshot? _finished;
    private string _preview = "";
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DateTimeOffset FirstArrival { get; } = firstArrival;

    public AnswerSnapshot Snapshot
    {
        get
        {
            lock (_lock)
            {
                return _finished ?? new AnswerSnapshot(_text.ToString(), AnswerStatus.Generating, _preview);
            }
        }
    }

    /// <summary>Completes when the answer next changes.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Adds streamed text. Leading white space is dropped, so that offsets into the text never shift.</summary>
    /// <param name="preview">How the text would go on if the open block ended now; see <see cref="AnswerSnapshot.Preview"/>.</param>
    public void Append(string text, string preview = "")
    {
        lock (_lock)
        {
            if (_finished is not null)
            {
                return;
            }

            _text.Append(_text.Length == 0 ? text.TrimStart() : text);
            _preview = _text.Length == 0 ? preview.TrimStart() : preview;
        }

        Pulse();
    }

    public void Finish(AnswerSnapshot answer)
    {
        lock (_lock)
        {
            _finished = answer;
        }

        Pulse();
    }

    private void Pulse()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
