using WeChatFunctions.Background;
using WeChatFunctions.Dialog;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Limits;
using WeChatFunctions.Links;
using WeChatFunctions.Paging;
using WeChatFunctions.Pictures;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Answering;

/// <summary>
/// Generates the answer to a claimed question as background work, so that WeChat dropping an attempt does not stop
/// it. Only <see cref="ReplyWindow"/> starts generations, on a claim it made or took over.
/// </summary>
internal sealed class AnswerGenerator(
    AssistantDialog dialog,
    AnswerAdmission admission,
    AnswerStream stream,
    DrawingAnswer drawing,
    ClaimProgress progress,
    LiveAnswerRegistry liveAnswers,
    BackgroundWork background,
    GenerationSlots slots,
    IAnswerPushes pushes,
    KnowledgeGrounding knowledge,
    SharedArticles sharedArticles,
    ISpokenAnswers spokenAnswers,
    TimeProvider timeProvider)
{
    /// <summary>Ends the wait for a slot before the last attempt stops waiting, so that it delivers the refusal.</summary>
    private static readonly TimeSpan SlotWaitMargin = ReplyWindow.LastAttemptWriteMargin + TimeSpan.FromSeconds(0.5);

    /// <summary>Charges the question of a claim this instance just made, and generates its answer.</summary>
    public void Start(ReplyClaim claim, Question question) => Begin(claim, question);

    /// <summary>Takes over a claim whose instance stopped showing progress, and generates its answer here.</summary>
    /// <returns>Whether this instance now owns the claim; another instance may have taken it first.</returns>
    public async Task<bool> TryTakeOverAsync(ReplyClaim stale, CancellationToken cancellationToken)
    {
        if (await progress.TryTakeOverAsync(stale, cancellationToken) is not { } taken)
        {
            return false;
        }

        Begin(taken, newQuestion: null); // the instance that made the claim charged it
        return true;
    }

    /// <param name="newQuestion">The question to charge, or <see langword="null"/> when it was charged already.</param>
    private void Begin(ReplyClaim claim, Question? newQuestion)
    {
        if (claim.Question is null || !liveAnswers.TryStart(claim.Key, claim.FirstArrival, claim.Answer.Text, out var answer))
        {
            return;
        }

        background.Run(stopping => GenerateAsync(claim, answer, newQuestion, stopping));
    }

    private async Task GenerateAsync(ReplyClaim claim, LiveAnswer answer, Question? newQuestion, CancellationToken stopping)
    {
        using var saving = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var savedClaim = progress.KeepSavingAsync(claim, answer, saving.Token);
        var typing = pushes.ShowTypingAsync(claim, saving.Token);
        // A taken-over question was charged by its first owner, if that owner lived to; whatever happens here settles it.
        var charge = newQuestion is null ? admission.TakenOver(claim) : null;
        DialogOutcome outcome;
        try
        {
            // A question waits for a slot only while WeChat still waits for a reply; its last attempt then says why not.
            using var slot = await slots.TakeAsync(claim.FirstArrival + WeChatRetries.Window - SlotWaitMargin, stopping);
            if (slot is null)
            {
                outcome = DialogOutcome.Failed(FollowerTexts.TooBusy);
            }
            else
            {
                (outcome, var admitted) = await AdmitAndAnswerAsync(claim, answer, newQuestion, slot, stopping);
                charge = admitted ?? charge;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await saving.CancelAsync();
            await progress.ReleaseAsync(await savedClaim);
            return;
        }

        var voice = await spokenAnswers.SpeakAsync(claim, outcome, stopping); // while the claim still shows progress
        await saving.CancelAsync();
        await typing;
        var finished = outcome.IsAnswer
            ? new AnswerSnapshot(answer.Snapshot.Text + (outcome.IsInterrupted ? FollowerTexts.AnswerInterrupted : ""), AnswerStatus.Complete, Media: outcome.Media ?? voice)
            : new AnswerSnapshot(outcome.ReplyText, AnswerStatus.Failed);
        // A question that got no answer is refunded, by the claim's owner only: the settlement goes with the finished
        // claim, which only the owner can write. The exchange is stored with it too, only once.
        var settlement = admission.Settle(claim, charge, outcome, refund: charge is not null && !outcome.IsAnswer);
        var remembered = outcome is { IsAnswer: true, Exchange: { } exchange } ? AssistantDialog.TurnsOf(exchange) : null;
        // An attempt here waiting to show the answer has it the moment this write lands: the delivered mark goes with it.
        var delivered = answer.CommitMark() ? timeProvider.GetUtcNow() : (DateTimeOffset?)null;
        var saved = await progress.SaveFinishedAsync(await savedClaim, finished, new FinishWrites(remembered, settlement, delivered), stopping);
        if (settlement is not null && !saved.Settled)
        {
            // The usage is kept apart from the claim (a day before the follower table), or the transaction failed.
            await admission.WriteAsync(settlement with { Refund = settlement.Refund && saved.Owner }, stopping);
        }

        // Only now does the answer leave, so the follower's next question is judged against the settled usage.
        answer.Finish(finished, saved.Marked);
        if (saved.Owner && remembered is not null)
        {
            await dialog.ForgetImageOfAsync(outcome.Exchange!, stopping);
        }

        if (saved.Owner)
        {
            // An instance that took the claim over pushes its own answer when it finishes.
            await pushes.AnswerFinishedAsync(claim.Key, finished, stopping);
        }

        await liveAnswers.ForgetAfterRetriesAsync(claim.Key, answer, stopping);
    }

    /// <summary>
    /// Recalls the prompt, charges the question with the prompt's tokens reserved, and answers it; or says why not. A
    /// <c>/画</c> request is answered with its picture instead.
    /// </summary>
    /// <returns>The outcome, and the charge it made, if any.</returns>
    private async Task<(DialogOutcome Outcome, QuotaCharge? Charge)> AdmitAndAnswerAsync(
        ReplyClaim claim, LiveAnswer answer, Question? newQuestion, GenerationSlot slot, CancellationToken stopping)
    {
        if (claim.Form == QuestionForm.Drawing)
        {
            var request = new DrawingRequest(claim.Key.FollowerId, claim.Key.MessageId, claim.FirstArrival, claim.Generation, claim.Question!, newQuestion?.Policy);
            return (await drawing.AnswerAsync(request, slot.Deadline, stopping), null);
        }

        var question = new DialogQuestion(claim.Key.FollowerId, claim.Question!, claim.Key.MessageId, claim.FirstArrival, claim.Generation, AnswerPreface.ModelsPart(claim), newQuestion?.Known);
        if (await dialog.RecallAsync(question, stopping) is not { } prompt)
        {
            return (DialogOutcome.Failed(FollowerTexts.StorageUnavailable), null);
        }

        var link = await sharedArticles.RecallAsync(claim.Key.FollowerId, stopping);
        var (refusal, charge) = await admission.AdmitAsync(
            claim, newQuestion, dialog.TokensToReserve(prompt) + knowledge.TokensToReserve(prompt) + sharedArticles.TokensToReserve(link, prompt), stopping);
        if (refusal is not null)
        {
            return (refusal, charge);
        }

        var grounding = await sharedArticles.AddAsync(link, await knowledge.GroundAsync(prompt, stopping), stopping);
        var outcome = grounding.Refusal is { } reply ? DialogOutcome.Failed(reply) : await AnswerInTimeAsync(claim, question, grounding, answer, slot);
        return (outcome.WithEmbeddingTokens(grounding.EmbeddingTokens), charge);
    }

    /// <summary>The answer, or, when it has run past <c>generation_timeout_seconds</c>, an apology: it is abandoned and refunded.</summary>
    private async Task<DialogOutcome> AnswerInTimeAsync(ReplyClaim claim, DialogQuestion question, Grounding grounding, LiveAnswer answer, GenerationSlot slot)
    {
        try
        {
            return await stream.AnswerAsync(question, grounding, answer, claim.FirstArrival + WeChatRetries.Window, slot.Deadline);
        }
        catch (OperationCanceledException) when (slot.TimedOut)
        {
            return DialogOutcome.Failed(FollowerTexts.AnswerTimedOut);
        }
    }
}
