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
    private int _showing;
    private bool _markCommitted;

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

    /// <summary>Whether the transaction that finished the claim also stored the mark that its first page was shown.</summary>
    public bool MarkStored { get; private set; }

    /// <summary>An attempt here waits to show the first page: while one does, the finished claim can carry its delivered mark.</summary>
    public void ExpectShowing()
    {
        lock (_lock)
        {
            _showing++;
        }
    }

    /// <summary>The waiting attempt shows what it has, or stops waiting.</summary>
    /// <param name="atDeadline">It stops at its deadline, without the answer.</param>
    /// <returns>
    /// <see langword="false"/> when it may not stop: the finishing transaction is on its way with the delivered mark, so
    /// the attempt waits that one write longer and shows the answer.
    /// </returns>
    public bool TryStopShowing(bool atDeadline)
    {
        lock (_lock)
        {
            if (atDeadline && _markCommitted && _finished is null)
            {
                return false;
            }

            _showing--;
            return true;
        }
    }

    /// <summary>For the generator, before it finishes the claim: whether an attempt here will show the answer, so the delivered mark goes with it.</summary>
    public bool CommitMark()
    {
        lock (_lock)
        {
            _markCommitted = _showing > 0;
            return _markCommitted;
        }
    }

    /// <param name="markStored">The finishing transaction stored the delivered mark (<see cref="CommitMark"/>).</param>
    public void Finish(AnswerSnapshot answer, bool markStored = false)
    {
        lock (_lock)
        {
            _finished = answer;
            MarkStored = markStored;
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
