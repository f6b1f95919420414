using System.Text.Json;
using WeChatFunctions.Dialog;
using WeChatFunctions.Model;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Pictures;

/// <summary>
/// Answers a <c>/画</c> request with its one picture, after its text (none). The request is recorded as the
/// <c>draw</c> tool's one call before the picture is begun, beside the request's claim, and again with what came of
/// it: an instance that takes the request over shows the recorded picture or failure, and one that finds the picture
/// begun but never finished (its instance died) tells the follower so rather than drawing, and paying, again.
/// </summary>
internal sealed class DrawingAnswer(PictureMaker maker, IToolCallStore calls, ILogger<DrawingAnswer> logger)
{
    private const string CallId = "drawing";

    /// <param name="deadline">Cancelled when the generation runs past <c>generation_timeout_seconds</c> or the instance stops.</param>
    /// <param name="stopping">Cancelled when the instance stops; the next owner finishes the request.</param>
    public async Task<DialogOutcome> AnswerAsync(DrawingRequest drawing, CancellationToken deadline, CancellationToken stopping)
    {
        var question = new ToolQuestion(drawing.FollowerId, drawing.MessageId, drawing.AskedAt, drawing.Generation);
        var request = new PictureRequest(drawing.FollowerId, drawing.MessageId, drawing.AskedAt, drawing.Prompt, drawing.Policy, CountsTowardRate: true);
        RecordedToolCall? started;
        try
        {
            if (question.MayHaveRecords && (await calls.ReadAsync(question, stopping)).FirstOrDefault(IsTheDrawing) is { } earlier)
            {
                return await ReplayAsync(earlier, request);
            }

            var arguments = JsonSerializer.Serialize(new { prompt = drawing.Prompt });
            started = await calls.TryStartAsync(question, new RecordedToolCall(0, 0, CallId, DrawTool.Name, arguments, Generation: drawing.Generation), stopping);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            PicturesLog.StorageFailed(logger, drawing.MessageId, exception);
            return DialogOutcome.Failed(PictureTexts.Unavailable);
        }

        if (started is null)
        {
            // Another generation recorded the picture first: it was begun there, and is not begun again here.
            return await ReplayAsync(new RecordedToolCall(0, 0, CallId, DrawTool.Name, "{}"), request);
        }

        PictureResult result;
        try
        {
            result = await maker.MakeAsync(request, deadline);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            result = PictureResult.None(PictureTexts.TimedOut);
        }

        await RecordAsync(question, started with { Result = result.FollowerText, Failed = result.Media is null, Media = result.Media });
        return OutcomeOf(result);
    }

    /// <summary>What a generation before this one recorded: its picture, its failure, or, when it never finished, that it was interrupted.</summary>
    private async Task<DialogOutcome> ReplayAsync(RecordedToolCall earlier, PictureRequest request)
    {
        if (earlier.Result is null)
        {
            PicturesLog.Interrupted(logger, request.MessageId);
            await maker.AbandonAsync(request);
            return DialogOutcome.Failed(PictureTexts.Interrupted);
        }

        return OutcomeOf(new PictureResult(earlier.Media, earlier.Result));
    }

    private async Task RecordAsync(ToolQuestion question, RecordedToolCall finished)
    {
        try
        {
            await calls.FinishAsync(question, finished, CancellationToken.None);
        }
        catch (Exception exception)
        {
            PicturesLog.OutcomeNotRecorded(logger, question.MessageId, exception);
        }
    }

    /// <summary>A picture is the whole answer: no text, so WeChat shows it as the reply itself.</summary>
    private static DialogOutcome OutcomeOf(PictureResult result) => result.Media is { } media
        ? new DialogOutcome("", IsAnswer: true, TokenUsage.None) { Media = media }
        : DialogOutcome.Failed(result.FollowerText);

    private static bool IsTheDrawing(RecordedToolCall call) => call is { Round: 0, Index: 0, Name: DrawTool.Name };
}
