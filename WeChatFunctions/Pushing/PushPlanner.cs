using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Paging;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Pushing;

/// <summary>
/// Cuts what is left of an answer into as few customer-service messages as fit: each up to WeChat's 2048 bytes, at
/// most as many as the answer may still use. What does not fit ends the last message with how to read on with 「继续」.
/// </summary>
internal sealed class PushPlanner(IOptions<ReplyWindowOptions> options)
{
    /// <returns>The messages, and whether text is left for 「继续」.</returns>
    public (IReadOnlyList<PushedMessage> Messages, bool HasMore) Plan(AnswerSnapshot answer, int offset, int messagesLeft)
    {
        if (answer.Status == AnswerStatus.Failed)
        {
            return (offset == 0 ? [new PushedMessage(answer.Text, answer.Text.Length)] : [], false);
        }

        if (messagesLeft > 0 && AnswerPager.MediaPage(answer, offset) is { } only)
        {
            return ([new PushedMessage("", only.End, only.Media)], false);
        }

        var messages = new List<PushedMessage>();
        var position = Math.Min(offset, answer.Text.Length);
        var notice = FollowerTexts.MoreToFollow(options.Value.ContinueKeyword);
        var pictureFollows = AnswerPager.PictureFollows(answer, offset);
        while (messages.Count < messagesLeft && !answer.Text.AsSpan(position).IsWhiteSpace())
        {
            var rest = answer.Text.AsSpan(position);
            var isLast = messages.Count == messagesLeft - 1;
            var room = isLast && (pictureFollows || Encoding.UTF8.GetByteCount(rest.Trim()) > Utf8Pages.WeChatTextLimitBytes)
                ? Utf8Pages.WeChatTextLimitBytes - Encoding.UTF8.GetByteCount(notice)
                : Utf8Pages.WeChatTextLimitBytes;
            var length = Utf8Pages.FirstPageLength(rest.TrimEnd(), room);
            var end = position + length;
            var hasMore = isLast && (pictureFollows || !answer.Text.AsSpan(end).IsWhiteSpace());
            messages.Add(new PushedMessage(answer.Text[position..end].Trim() + (hasMore ? notice : ""), end));
            position = end;
        }

        if (messages.Count < messagesLeft && AnswerPager.MediaPage(answer, position) is { } picture)
        {
            messages.Add(new PushedMessage("", picture.End, picture.Media));
            return (messages, false);
        }

        return (messages, pictureFollows || !answer.Text.AsSpan(position).IsWhiteSpace());
    }
}
