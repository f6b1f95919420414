using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Paging;

/// <summary>
/// Cuts an answer, finished or still streaming, into pages that fit one WeChat text reply together with their notice.
/// A page of a streaming answer is cut exactly where the finished answer's page would be, so every attempt at a
/// message gets the same page.
/// </summary>
internal sealed class AnswerPager
{
    private readonly string _moreToFollow;
    private readonly string _earlierAnswerWaiting;
    private readonly int _pageBytes;

    /// <summary>Room for the page marker, <c>(12/34) </c> or <c>(3/…) </c>.</summary>
    private const int MaxPageMarkerBytes = 12;

    public AnswerPager(IOptions<ReplyWindowOptions> options)
    {
        var keyword = options.Value.ContinueKeyword;
        _moreToFollow = FollowerTexts.MoreToFollow(keyword);
        _earlierAnswerWaiting = FollowerTexts.EarlierAnswerWaiting(keyword);
        StillPreparing = FollowerTexts.StillPreparing(keyword);
        var longestNotice = Math.Max(Encoding.UTF8.GetByteCount(_moreToFollow), Encoding.UTF8.GetByteCount(_earlierAnswerWaiting));
        _pageBytes = Utf8Pages.WeChatTextLimitBytes - longestNotice - MaxPageMarkerBytes;
    }

    /// <summary>The reply when the last attempt comes and the answer has no whole sentence yet.</summary>
    public string StillPreparing { get; }

    /// <summary>Whether the page starting at <paramref name="offset"/> can be cut yet.</summary>
    public bool HasPage(AnswerSnapshot answer, int offset) =>
        answer.IsFinished || Encoding.UTF8.GetByteCount(Rest(answer, offset)) > _pageBytes;

    /// <summary>The page starting at <paramref name="offset"/>; only once <see cref="HasPage"/>.</summary>
    public Page NextPage(AnswerSnapshot answer, int offset)
    {
        if (answer.Status == AnswerStatus.Failed)
        {
            return new Page(answer.Text, answer.Text.Length, HasMore: false);
        }

        if (MediaPage(answer, offset) is { } media)
        {
            return media;
        }

        var rest = Rest(answer, offset);
        var length = Utf8Pages.FirstPageLength(rest, _pageBytes);
        var end = answer.Text.Length - rest.Length + length;
        return new Page(rest[..length].ToString(), end, HasMore: !answer.IsFinished || !rest[length..].IsWhiteSpace() || PictureFollows(answer, offset));
    }

    /// <summary>
    /// The voice that takes the place of a finished answer's text, or the picture after its text, when that is what
    /// starts at <paramref name="offset"/>. A voice is only ever the first page: an answer begun in text goes on in text.
    /// </summary>
    public static Page? MediaPage(AnswerSnapshot answer, int offset) => answer.Media switch
    {
        { Kind: MediaKind.Voice } voice when offset == 0 => new Page("", answer.Text.Length, HasMore: false, voice),
        { Kind: MediaKind.Image } picture when PictureFollows(answer, offset) && Rest(answer, offset).IsWhiteSpace() =>
            new Page("", answer.Text.Length + 1, HasMore: false, picture),
        _ => null,
    };

    /// <summary>Whether the answer's picture is still to come after <paramref name="offset"/>; it sits just past the text.</summary>
    public static bool PictureFollows(AnswerSnapshot answer, int offset) => answer.Media is { Kind: MediaKind.Image } && offset <= answer.Text.Length;

    /// <summary>The whole sentences streamed so far from <paramref name="offset"/>, or <see langword="null"/> when there are none.</summary>
    public Page? PartialPage(AnswerSnapshot answer, int offset)
    {
        // The preview of the paragraph still being written counts too: a long single-paragraph answer has nothing else yet.
        var rest = offset <= answer.Text.Length ? string.Concat(Rest(answer, offset), answer.Preview).AsSpan() : [];
        var length = Utf8Pages.CompleteSentencesLength(rest, _pageBytes);
        return rest[..length].IsWhiteSpace() ? null : new Page(rest[..length].ToString(), offset + length, HasMore: true);
    }

    /// <summary>
    /// The reply an attempt sends for the answer from <paramref name="source"/>: the next page, or the whole sentences
    /// streamed so far, or a holding text; for a missing answer, that it expired.
    /// </summary>
    /// <param name="restIsPushed">What does not fit the page follows as customer-service messages, not on 「继续」.</param>
    /// <returns>The reply, and the page it shows when there is one.</returns>
    public (OutboundReply Reply, Page? Page) Reply(AnswerSnapshot? answer, PendingAnswer source, bool earlierAnswerWaiting, bool restIsPushed)
    {
        if (answer is null)
        {
            return (new TextReply(FollowerTexts.AnswerExpired), null);
        }

        var page = HasPage(answer, source.Offset)
            ? NextPage(answer, source.Offset)
            : PartialPage(answer, source.Offset) ?? new Page("", source.Offset, HasMore: true);
        if (page.Media is { } media)
        {
            return (new MediaReply(media.Kind, media.MediaId), page);
        }

        if (!page.Shows)
        {
            return (new TextReply(page.HasMore ? StillPreparing : FollowerTexts.NothingToContinue), page);
        }

        return (new TextReply(Compose(answer, source, page, earlierAnswerWaiting, restIsPushed)), page);
    }

    /// <summary>
    /// The reply text: the page, marked <c>(2/3)</c> when the answer has several (<c>(2/…)</c> while the total is not
    /// known yet), and, when the follower has more to read, how to get it.
    /// </summary>
    /// <param name="restIsPushed">What does not fit follows as customer-service messages, and the follower is told so instead.</param>
    public string Compose(AnswerSnapshot answer, PendingAnswer source, Page page, bool earlierAnswerWaiting, bool restIsPushed = false)
    {
        var marker = page.HasMore || source.Page > 1
            ? $"({source.Page}/{(answer.IsFinished ? (source.Page - 1 + PagesFrom(answer, source.Offset)).ToString(CultureInfo.InvariantCulture) : "…")}) "
            : "";
        var notice = page.HasMore ? (restIsPushed ? FollowerTexts.RestIsPushed : _moreToFollow) : earlierAnswerWaiting ? _earlierAnswerWaiting : "";
        return marker + page.Text.Trim() + notice;
    }

    /// <summary>How many pages a finished answer has from <paramref name="offset"/> on.</summary>
    private int PagesFrom(AnswerSnapshot answer, int offset)
    {
        var pages = 0;
        for (var rest = Rest(answer, offset); !rest.IsWhiteSpace(); rest = rest[Utf8Pages.FirstPageLength(rest, _pageBytes)..])
        {
            pages++;
        }

        return Math.Max(pages + (PictureFollows(answer, offset) ? 1 : 0), 1);
    }

    private static ReadOnlySpan<char> Rest(AnswerSnapshot answer, int offset) => answer.Text.AsSpan(Math.Min(offset, answer.Text.Length));
}
