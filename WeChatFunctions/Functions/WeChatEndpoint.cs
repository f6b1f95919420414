using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>
/// What the <c>wechat</c> function does, under the Functions host and standalone alike: the server-URL check (GET) and
/// message pushes (POST).
/// See https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
/// </summary>
internal sealed class WeChatEndpoint(
    IOptions<WeChatOptions> options,
    MessageCryptoKeyring keyring,
    ReplayGuard replayGuard,
    IWeChatMessageHandler handler,
    TimeProvider timeProvider,
    ILogger<WeChatEndpoint> logger)
{
    /// <summary>Real pushes are a few KiB; anything near this is not from WeChat.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// An encrypted push is read before it is authenticated, so it gets far less room: a real one is a few KiB of
    /// base64, and 64 KiB bounds the work an anonymous request can cause.
    /// </summary>
    public const long MaxEncryptedBodyBytes = 64 * 1024;

    /// <summary>Beyond WeChat's 5 s, for the network between it and this server.</summary>
    private static readonly TimeSpan WithholdGrace = TimeSpan.FromSeconds(1);

    public Task<IResult> HandleAsync(HttpContext context) => context.Request.Method switch
    {
        var method when HttpMethods.IsGet(method) => Task.FromResult(Verify(context.Request)),
        var method when HttpMethods.IsPost(method) => ReceiveAsync(context),
        _ => Task.FromResult(Results.StatusCode(StatusCodes.Status405MethodNotAllowed)),
    };

    private IResult Verify(HttpRequest request)
    {
        var query = WeChatRequest.From(request.Query);
        if (!query.IsSignedWith(options.Value.Token))
        {
            WeChatLog.BadSignature(logger, HttpMethods.Get);
            return Results.Unauthorized();
        }

        if (IsStale(query, timeProvider.GetUtcNow()))
        {
            return Results.Unauthorized();
        }

        return Results.Text(request.Query["echostr"].ToString(), "text/plain");
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var arrival = timeProvider.GetUtcNow();
        var query = WeChatRequest.From(context.Request.Query);
        var token = options.Value.Token;

        // An encrypted push is checked by msg_signature, which covers the body; a plain one before its body is read.
        if (!query.IsEncrypted && !query.IsSignedWith(token))
        {
            WeChatLog.BadSignature(logger, HttpMethods.Post);
            return Results.Unauthorized();
        }

        if (IsStale(query, arrival))
        {
            return Results.Unauthorized();
        }

        if (!query.IsEncrypted && keyring.IsConfigured && !options.Value.AcceptPlaintext)
        {
            WeChatLog.PlainPushRefused(logger);
            return Results.Unauthorized();
        }

        if (!query.HasWeChatNonce)
        {
            // The nonce goes back in an encrypted reply; WeChat's are digits.
            WeChatLog.MalformedPush(logger, "the nonce is not 1 to 32 letters or digits");
            return Results.BadRequest();
        }

        var maxBytes = query.IsEncrypted ? MaxEncryptedBodyBytes : MaxBodyBytes;
        var body = await RequestBody.ReadAsync(context, maxBytes);
        if (body is null)
        {
            WeChatLog.BodyTooLarge(logger, maxBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var (push, refusal) = OpenedPush.Open(query, body.Value, token, keyring, logger);
        if (push is null)
        {
            return refusal!;
        }

        // Storage calls on the way end with WeChat's attempt: a reply after it is never read, and the SDK's retries would
        // otherwise run on past it. The answer itself lives on in the background.
        var attemptLeft = WeChatRetries.AttemptTimeout - (timeProvider.GetUtcNow() - arrival);
        using var attemptTimeout = new CancellationTokenSource(attemptLeft > TimeSpan.Zero ? attemptLeft : TimeSpan.Zero, timeProvider);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, attemptTimeout.Token);
        try
        {
            return await ServeAsync(context, query, push, body.Value, arrival, token, attempt.Token);
        }
        catch (Exception) when (attemptTimeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            // Cancelled, or failed while cancelling: a storage call ended by the attempt may surface as its own error.
            WeChatLog.AttemptOutlasted(logger);
            context.Abort();
            return Results.Empty;
        }
    }

    private async Task<IResult> ServeAsync(
        HttpContext context, WeChatRequest query, OpenedPush push, ReadOnlyMemory<byte> body, DateTimeOffset arrival, string token, CancellationToken attempt)
    {
        // A plain push's signature does not cover its body: what the parser found goes to the log, not to the sender.
        if (!InboundMessageParser.TryParse(push.MessageXml, out var message, out var error))
        {
            WeChatLog.MalformedPush(logger, error);
            return Results.BadRequest();
        }

        // Only a push that passed every signature check is recorded, so a forger cannot fill the ledger.
        var verdict = await replayGuard.CheckAsync(query, body, arrival, attempt);
        if (verdict == ReplayVerdict.Replay)
        {
            WeChatLog.ReplayedPush(logger);
            return Results.Unauthorized();
        }

        // An unverified push is never handled.
        var reply = verdict == ReplayVerdict.Fresh
            ? await handler.HandleAsync(message, arrival, attempt)
            : WithheldReply.UnlessLastAttempt(message, arrival, new TextReply(FollowerTexts.ReplyStorageFailed));
        var now = timeProvider.GetUtcNow();
        return reply switch
        {
            TextReply or MediaReply => Results.Text(push.Seal(ReplyXml.Of(message, reply, now)!, query, token, now), "application/xml; charset=utf-8"),
            WithheldReply => await WithholdAsync(context, arrival),
            null or AcknowledgedReply => Results.Text("success", "text/plain"),
            _ => throw new NotSupportedException($"Reply type {reply.GetType().Name} has no XML writer."),
        };
    }

    /// <summary>Whether the request's timestamp is too far from now to be served, logged when it is.</summary>
    private bool IsStale(WeChatRequest query, DateTimeOffset now)
    {
        if (query.IsFreshAt(now, TimeSpan.FromSeconds(options.Value.MaxClockSkewSeconds)))
        {
            return false;
        }

        WeChatLog.StaleTimestamp(logger, options.Value.MaxClockSkewSeconds);
        return true;
    }

    /// <summary>
    /// Keeps the connection open until WeChat drops it, then drops it too, so WeChat retries. Any reply, even an empty
    /// one, would end the retries; dropping it early might not count as a timeout.
    /// </summary>
    private async Task<IResult> WithholdAsync(HttpContext context, DateTimeOffset arrival)
    {
        var wechatGaveUp = arrival + WeChatRetries.AttemptTimeout + WithholdGrace - timeProvider.GetUtcNow();
        if (wechatGaveUp > TimeSpan.Zero)
        {
            await Task.Delay(wechatGaveUp, timeProvider, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        context.Abort();
        return Results.Empty;
    }
}
