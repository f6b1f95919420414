using Azure.Data.Tables;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Dialog;
using WeChatFunctions.Paging;

namespace WeChatFunctions.Storage;

/// <summary>What the claims' rows of a follower's partition say: the claims not delivered yet, and the reading position.</summary>
internal static class FollowerReplyRows
{
    public static FollowerReplies Sort(List<TableEntity> rows, FollowerContext context)
    {
        var position = ReadingPosition.Empty;
        var claims = new List<ReplyClaim>();
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        var withdrawn = new HashSet<string>(StringComparer.Ordinal);
        var pushing = new HashSet<string>(StringComparer.Ordinal);
        var unpushed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.RowKey == ReadingPositionEntity.Row)
            {
                position = ReadingPositionEntity.From(row).ToPosition();
                continue;
            }

            var entity = ReplyClaimEntity.From(row);
            if (entity.RowKey.StartsWith(TableReplyClaimStore.DeliveredPrefix, StringComparison.Ordinal))
            {
                delivered.Add(entity.RowKey[TableReplyClaimStore.DeliveredPrefix.Length..]);
            }
            else if (entity.RowKey.StartsWith(TableReplyClaimStore.WithdrawnPrefix, StringComparison.Ordinal))
            {
                withdrawn.Add(entity.RowKey[TableReplyClaimStore.WithdrawnPrefix.Length..]);
            }
            else if (entity.RowKey.StartsWith(TablePushJobStore.PushedPrefix, StringComparison.Ordinal))
            {
                pushing.Add(entity.RowKey[TablePushJobStore.PushedPrefix.Length..]);
            }
            else if (entity.RowKey.StartsWith(TablePushJobStore.UnpushedPrefix, StringComparison.Ordinal))
            {
                unpushed.Add(entity.RowKey[TablePushJobStore.UnpushedPrefix.Length..]);
            }
            else if (entity.Question is not null)
            {
                claims.Add(entity.ToClaim());
            }
        }

        // An answer on its way as customer-service messages is not lost; one whose push sent nothing is left to 「继续」.
        return new FollowerReplies(
            [.. claims.Where(claim => (!delivered.Contains(claim.Key.MessageId) || withdrawn.Contains(claim.Key.MessageId))
                && (!pushing.Contains(claim.Key.MessageId) || unpushed.Contains(claim.Key.MessageId)))],
            position,
            context);
    }
}
