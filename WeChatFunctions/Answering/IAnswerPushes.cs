using WeChatFunctions.Claims;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Answering;

/// <summary>Customer-service delivery, as the reply window and the generator see it; the Pushing folder implements it.</summary>
internal interface IAnswerPushes
{
    Task<PushRoute> RouteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Plans to push the message's answer from <paramref name="offset"/>, the page numbered <paramref name="page"/>
    /// on: at once when it is finished, else when its generation finishes.
    /// </summary>
    Task PlanAsync(MessageKey key, DateTimeOffset firstArrival, int offset, int page, CancellationToken cancellationToken);

    /// <summary>Pushes <paramref name="finished"/>, if it was planned to be pushed: its generation just finished and saved it.</summary>
    Task AnswerFinishedAsync(MessageKey key, AnswerSnapshot finished, CancellationToken cancellationToken);

    /// <summary>Shows the follower 「对方正在输入」 until cancelled, while an answer that may be pushed generates.</summary>
    Task ShowTypingAsync(ReplyClaim claim, CancellationToken untilFinished);
}
