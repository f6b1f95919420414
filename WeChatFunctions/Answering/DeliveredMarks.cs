using WeChatFunctions.Background;
using WeChatFunctions.Claims;

namespace WeChatFunctions.Answering;

/// <summary>
/// Marks an answer as shown before its first page leaves, so that the follower's next message never adopts an answer
/// they have seen. When an attempt on the generating instance waits to show it, the transaction that finishes the claim
/// carries the mark (<see cref="LiveAnswer.CommitMark"/>), and the reply needs no write of its own.
/// </summary>
internal sealed class DeliveredMarks(IReplyClaimStore claims, LiveAnswerRegistry liveAnswers, BackgroundWork background, TimeProvider timeProvider)
{
    /// <summary>
    /// Stores the mark, unless the finished claim carried it, and says whether the reply may leave. A mark that lands
    /// after WeChat stopped waiting is withdrawn and the reply withheld: the answer then counts as unshown, for the next
    /// message to adopt and 「继续」 to deliver.
    /// </summary>
    public async Task<bool> TryMarkAsync(MessageKey key, DateTimeOffset arrival, DateTimeOffset wechatGivesUp, CancellationToken cancellationToken)
    {
        if (!CarriedByTheFinish(key))
        {
            await claims.MarkDeliveredAsync(key, arrival, cancellationToken);
        }

        if (timeProvider.GetUtcNow() < wechatGivesUp)
        {
            return true;
        }

        Withdraw(key, arrival);
        return false;
    }

    /// <summary>The reply is withheld after all: a mark the finished claim carried for it is withdrawn.</summary>
    public void Withheld(MessageKey key, DateTimeOffset arrival)
    {
        if (CarriedByTheFinish(key))
        {
            Withdraw(key, arrival);
        }
    }

    private bool CarriedByTheFinish(MessageKey key) => liveAnswers.TryGet(key, out var live) && live.MarkStored;

    private void Withdraw(MessageKey key, DateTimeOffset arrival) => background.Run(stopping => claims.WithdrawDeliveredAsync(key, arrival, stopping));
}
