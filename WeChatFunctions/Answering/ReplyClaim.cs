using WeChatFunctions.Claims;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>
/// The record that makes one push produce one answer, however many attempts and instances see it. The question is
/// kept so that another instance can take over a generation whose instance died.
/// </summary>
/// <param name="Question">The question to answer, or <see langword="null"/> for a push that needs no generation.</param>
/// <param name="FirstArrival">When the first attempt reached any instance.</param>
/// <param name="ProgressAt">
/// When the owner made its last save, by its own clock; <see cref="DateTimeOffset.UnixEpoch"/> once it released the
/// claim on shutdown, for another instance to take over at once.
/// </param>
/// <param name="Owner">
/// A random id of the instance's generation that wrote the claim. A write whose response was lost and whose retry then
/// meets its own row (409, 412) recognises the row as its own by it.
/// </param>
/// <param name="Version">The storage version (ETag) this copy was read or written at.</param>
/// <param name="Form">How the question was asked.</param>
/// <param name="SavedAt">When this version's write landed, by the storage service's clock; unknown for a claim not read from storage.</param>
/// <param name="ReadAt">When this copy was read, by the storage service's clock, if the read told.</param>
/// <param name="OwnerLag">How late the instance that wrote this version was running then (<see cref="InstanceLag"/>).</param>
internal sealed record ReplyClaim(
    MessageKey Key,
    string? Question,
    AnswerSnapshot Answer,
    DateTimeOffset FirstArrival,
    DateTimeOffset ProgressAt,
    int Generation,
    string Owner,
    string Version = "",
    QuestionForm Form = QuestionForm.Typed,
    DateTimeOffset? SavedAt = null,
    DateTimeOffset? ReadAt = null,
    TimeSpan OwnerLag = default)
{
    /// <summary>A first arrival's claim: generating its answer, or, for a push that needs none, complete and empty.</summary>
    /// <param name="preface">What the answer starts with before the model's text (<see cref="AnswerPreface"/>).</param>
    public static ReplyClaim New(MessageKey key, string? question, DateTimeOffset arrival, QuestionForm form = QuestionForm.Typed, string preface = "") =>
        new(key, question, question is null ? new AnswerSnapshot("", AnswerStatus.Complete) : AnswerSnapshot.Started with { Text = preface }, arrival, arrival, Generation: 0, NewOwner(), Form: form);

    public static string NewOwner() => Guid.NewGuid().ToString("N");

    /// <summary>Whether the owner released the claim on shutdown.</summary>
    public bool IsReleased => ProgressAt == DateTimeOffset.UnixEpoch;
}
