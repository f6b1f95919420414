using Microsoft.Extensions.Options;
using WeChatFunctions.Paging;
using WeChatFunctions.Pushing;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.Paging;

/// <summary>How an answer's voice or picture is paged: a voice takes the text's place, a picture is the page after the text.</summary>
public sealed class MediaPageTests
{
    private static readonly IOptions<ReplyWindowOptions> Options = Microsoft.Extensions.Options.Options.Create(new ReplyWindowOptions());
    private readonly AnswerPager _pager = new(Options);

    [Fact]
    public void AVoiceIsTheWholeReplyAndLeavesNothingToContinue()
    {
        var answer = new AnswerSnapshot("今天晴。", AnswerStatus.Complete, Media: new AnswerMedia(MediaKind.Voice, "voice-1"));

        var (reply, page) = _pager.Reply(answer, new PendingAnswer("m1", 0), earlierAnswerWaiting: false, restIsPushed: false);

        Assert.Equal(new MediaReply(MediaKind.Voice, "voice-1"), reply);
        Assert.False(page!.HasMore);
        Assert.True(page.Shows);
    }

    [Fact]
    public void AnAnswerBegunInTextGoesOnInTextEvenWhenItsVoiceCame()
    {
        var answer = new AnswerSnapshot("第一句。第二句。", AnswerStatus.Complete, Media: new AnswerMedia(MediaKind.Voice, "voice-1"));

        var (reply, _) = _pager.Reply(answer, new PendingAnswer("m1", "第一句。".Length, Page: 2), earlierAnswerWaiting: false, restIsPushed: false);

        Assert.Equal("(2/2) 第二句。", Assert.IsType<TextReply>(reply).Content);
    }

    [Fact]
    public void APictureAloneIsTheWholeReply()
    {
        var answer = new AnswerSnapshot("", AnswerStatus.Complete, Media: new AnswerMedia(MediaKind.Image, "image-1"));

        var (reply, page) = _pager.Reply(answer, new PendingAnswer("m1", 0), earlierAnswerWaiting: false, restIsPushed: false);

        Assert.Equal(new MediaReply(MediaKind.Image, "image-1"), reply);
        Assert.False(page!.HasMore);
    }

    [Fact]
    public void APictureWithWordsIsThePageAfterThem()
    {
        var answer = new AnswerSnapshot("画好了：一只猫。\n", AnswerStatus.Complete, Media: new AnswerMedia(MediaKind.Image, "image-1"));

        var (first, firstPage) = _pager.Reply(answer, new PendingAnswer("m1", 0), earlierAnswerWaiting: false, restIsPushed: false);
        var (second, secondPage) = _pager.Reply(answer, new PendingAnswer("m1", 0).After(firstPage!), earlierAnswerWaiting: false, restIsPushed: false);

        Assert.StartsWith("(1/2) 画好了：一只猫。", Assert.IsType<TextReply>(first).Content, StringComparison.Ordinal);
        Assert.Equal(new MediaReply(MediaKind.Image, "image-1"), second);
        Assert.False(secondPage!.HasMore);
    }

    [Fact]
    public void PushedAPictureFollowsItsWordsOrWaitsForContinueWhenNoMessageIsLeft()
    {
        var answer = new AnswerSnapshot("画好了。", AnswerStatus.Complete, Media: new AnswerMedia(MediaKind.Image, "image-1"));
        var planner = new PushPlanner(Options);

        var (both, bothHasMore) = planner.Plan(answer, offset: 0, messagesLeft: 5);
        var (wordsOnly, wordsHasMore) = planner.Plan(answer, offset: 0, messagesLeft: 1);

        Assert.Equal(["画好了。", ""], both.Select(message => message.Text));
        Assert.Equal(new AnswerMedia(MediaKind.Image, "image-1"), both[1].Media);
        Assert.False(bothHasMore);
        Assert.Null(Assert.Single(wordsOnly).Media);
        Assert.True(wordsHasMore);
        Assert.Contains("继续", wordsOnly[0].Text, StringComparison.Ordinal);
    }
}
