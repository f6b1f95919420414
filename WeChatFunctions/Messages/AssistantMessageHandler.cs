using System.Diagnostics;
using Microsoft.Extensions.Options;
using WeChatFunctions.Admin;
using WeChatFunctions.Answering;
using WeChatFunctions.Commands;
using WeChatFunctions.Dialog;
using WeChatFunctions.Images;
using WeChatFunctions.Keywords;
using WeChatFunctions.Limits;
using WeChatFunctions.Links;
using WeChatFunctions.Paging;
using WeChatFunctions.Pictures;
using WeChatFunctions.Redaction;
using WeChatFunctions.Settings;
using WeChatFunctions.Speech;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;
using WeChatFunctions.Claims;

namespace WeChatFunctions.Messages;

/// <summary>Decides what each kind of push gets: questions, shared links and 「继续」 go through the reply window, the rest get a fixed text or nothing.</summary>
internal sealed class AssistantMessageHandler(
    ReplyWindow window,
    ContinueKeywords continueKeywords,
    IAdminStore adminStore,
    AdminCommandRunner adminCommands,
    FollowerCommandRunner followerCommands,
    ImageInbox imageInbox,
    ISharedLinkStore sharedLinks,
    FollowerEvents followerEvents,
    KeywordReplies keywordReplies,
    TextRedaction redaction,
    VoiceHearing hearing,
    IOptions<ConversationOptions> options,
    IOptions<ImageGenerationOptions> pictures,
    ILogger<AssistantMessageHandler> logger)
    : IWeChatMessageHandler
{
    public async Task<OutboundReply?> HandleAsync(InboundMessage message, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var key = MessageKey.For(message);
        try
        {
            return FitToOneMessage(await ReplyToAsync(message, key, arrival, cancellationToken));
        }
        catch (Exception exception) when (exception is not UnreachableException && !cancellationToken.IsCancellationRequested)
        {
            // Storage faults (RequestFailedException, AuthenticationFailedException…) that outlasted the SDK's retries.
            // A question claimed before the fault is answered anyway, and the follower's next message adopts it if no
            // attempt could show it.
            MessagesLog.ReplyStorageFailed(logger, key.MessageId, exception);
            return WithheldReply.UnlessLastAttempt(message, arrival, new TextReply(FollowerTexts.ReplyStorageFailed));
        }
    }

    /// <summary>
    /// Answers are paged to fit already; this bounds every other text too (a long white list, <c>get_audit 50</c>, a
    /// 1000-character <c>/prompt</c>, a long welcome_message), cut at a whole line and saying so, as WeChat faults on
    /// more than 2048 bytes.
    /// </summary>
    private static OutboundReply? FitToOneMessage(OutboundReply? reply) =>
        reply is TextReply text ? new TextReply(Utf8Pages.FirstPage(text.Content, FollowerTexts.Truncated)) : reply;

    private async Task<OutboundReply?> ReplyToAsync(InboundMessage message, MessageKey key, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        message switch
        {
            TextMessage text => await FollowerTextAsync(key, text.Content, Utterance.Typed, arrival, cancellationToken),
            VoiceMessage { Recognition: { } heard } when !string.IsNullOrWhiteSpace(heard) => await FollowerTextAsync(key, heard, Utterance.RecognisedByWeChat, arrival, cancellationToken),
            VoiceMessage { MediaId.Length: > 0 } voice when hearing.IsOn => await WhenNotBlockedAsync(key, _ => HeardVoiceAsync(key, voice, arrival, cancellationToken), cancellationToken),
            VoiceMessage => new TextReply(FollowerTexts.VoiceRecognitionOff),
            ImageMessage image => await WhenNotBlockedAsync(key, policy => imageInbox.ReceiveAsync(key, image, policy, arrival, cancellationToken), cancellationToken),
            LinkMessage link => await WhenNotBlockedAsync(key, policy => SharedLinkAsync(key, link, policy, arrival, cancellationToken), cancellationToken),
            EventMessage subscribe when subscribe.Is("subscribe") => await followerEvents.WelcomeAsync(key, subscribe.EventKey, arrival, cancellationToken),
            EventMessage { EventKey: { Length: > 0 } menuKey } click when click.Is("CLICK") => await MenuClickAsync(key, menuKey, arrival, cancellationToken),
            EventMessage unsubscribe when unsubscribe.Is("unsubscribe") => await followerEvents.ForgetAsync(key, arrival, cancellationToken),
            EventMessage => null,
            UnknownMessage unknown => new TextReply(FollowerTexts.Unsupported(unknown.MessageType)),
            _ => throw new UnreachableException($"No handling is defined for {message.GetType().Name}."),
        };

    /// <summary>
    /// A voice WeChat sent without its recognition, heard by the app once for all of WeChat's attempts, then taken as
    /// the follower's text; or why it could not be heard. An attempt that ran out of time waiting lets WeChat retry.
    /// </summary>
    private async Task<OutboundReply> HeardVoiceAsync(MessageKey key, VoiceMessage voice, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        var heard = await hearing.HearAsync(key, voice, arrival, cancellationToken);
        return heard.Outcome switch
        {
            HearingOutcome.Heard => await FollowerTextAsync(
                key, heard.Transcript, Utterance.HeardByTheApp(heard.FirstArrival, hearing.ShowsTranscript), arrival, cancellationToken),
            HearingOutcome.Hearing when !WeChatRetries.IsLastAttempt(heard.FirstArrival, arrival) => WithheldReply.Instance,
            _ => new TextReply(HearingTexts.For(heard)),
        };
    }

    /// <summary>
    /// Text a follower typed or spoke, taken alike: whatever starts like an admin command is run or refused as one, and
    /// anything else has the admin tokens replaced before the keyword rules, the history, moderation or the model see it.
    /// </summary>
    private async Task<OutboundReply> FollowerTextAsync(MessageKey key, string content, Utterance utterance, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        AdminCommand.TryParse(content, out var command)
            ? new TextReply(await adminCommands.RunAsync(key.FollowerId, command, cancellationToken))
            : await QuestionAsync(key, await redaction.RedactAsync(content, cancellationToken), utterance, arrival, cancellationToken);

    /// <summary>A question typed or spoken: a picture request is claimed as one, a follower command is answered at once, 「继续」 fetches the next page, anything else goes to the model.</summary>
    private async Task<OutboundReply> QuestionAsync(MessageKey key, string content, Utterance utterance, DateTimeOffset arrival, CancellationToken cancellationToken) => content switch
    {
        _ when string.IsNullOrWhiteSpace(content) => new TextReply(FollowerTexts.EmptyQuestion),
        { Length: > AssistantDialog.MaxQuestionCharacters } => new TextReply(FollowerTexts.QuestionTooLong),
        _ when DrawCommand.TryParse(content, out var prompt) => await DrawAsync(key, prompt, utterance, arrival, cancellationToken),
        _ when options.Value.FollowerCommandsEnabled && FollowerCommand.TryParse(content, out var command) =>
            await WhenNotBlockedAsync(key, async policy => new TextReply(await followerCommands.RunAsync(key.FollowerId, policy, command, cancellationToken)), cancellationToken),
        _ when continueKeywords.Matches(content) => await window.ContinueAsync(key, arrival, utterance.FirstArrival, cancellationToken),
        _ => await WhenNotBlockedAsync(
            key,
            async policy => await keywordReplies.ReplyToTextAsync(key, content, arrival, cancellationToken)
                ?? await window.AnswerAsync(
                    key, new Question(key.FollowerId, content.Trim(), policy, utterance.Form, utterance.PrefaceFor(content.Trim())), arrival, utterance.FirstArrival, cancellationToken),
            cancellationToken),
    };

    /// <summary><c>/画</c>: a picture request, claimed and answered through the reply window like a question, with its picture.</summary>
    private async Task<OutboundReply> DrawAsync(MessageKey key, string prompt, Utterance utterance, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        !pictures.Value.IsOn ? new TextReply(PictureTexts.Off)
        : prompt.Length == 0 ? new TextReply(PictureTexts.Usage)
        : await WhenNotBlockedAsync(
            key, policy => window.AnswerAsync(key, new Question(key.FollowerId, prompt, policy, QuestionForm.Drawing), arrival, utterance.FirstArrival, cancellationToken), cancellationToken);

    /// <summary>
    /// A shared article is a question, 「请总结这篇文章」, answered like a typed one. The link is kept, not read: the
    /// generation reads it, on whichever instance, and so do the follower's next questions for a while.
    /// </summary>
    private async Task<OutboundReply> SharedLinkAsync(MessageKey key, LinkMessage link, FollowerPolicy policy, DateTimeOffset arrival, CancellationToken cancellationToken)
    {
        await sharedLinks.SaveAsync(key.FollowerId, SharedLink.Of(link), cancellationToken);
        return await window.AnswerAsync(key, new Question(key.FollowerId, LinkTexts.DefaultQuestion, policy), arrival, firstArrival: null, cancellationToken);
    }

    /// <summary>
    /// A menu button's CLICK: the keyword rule bound to its key; else, for a key <c>ask:{question}</c>, the question, as
    /// if the follower had typed it; else nothing.
    /// </summary>
    private async Task<OutboundReply?> MenuClickAsync(MessageKey key, string menuKey, DateTimeOffset arrival, CancellationToken cancellationToken) =>
        await keywordReplies.ReplyToKeyAsync(key, menuKey, arrival, cancellationToken)
        ?? (menuKey.StartsWith(AskPrefix, StringComparison.OrdinalIgnoreCase) ? await QuestionAsync(key, menuKey[AskPrefix.Length..], Utterance.Typed, arrival, cancellationToken) : null);

    private const string AskPrefix = "ask:";

    private async Task<OutboundReply> WhenNotBlockedAsync(MessageKey key, Func<FollowerPolicy, Task<OutboundReply>> reply, CancellationToken cancellationToken)
    {
        var policy = await adminStore.GetPolicyAsync(key.FollowerId, cancellationToken);
        return policy.Blocked ? new TextReply(FollowerTexts.Blocked) : await reply(policy);
    }
}
