using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>
/// The <c>wechat</c> HTTP function: the server-URL check (GET) and message pushes (POST). Under the Functions host the
/// request is proxied here unchanged; standalone, the same route serves WeChat directly.
/// See https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
/// </summary>
internal static class WeChatEndpoint
{
    public const string Route = "/api/wechat";

    /// <summary>Real pushes are a few KiB; anything near this is not from WeChat.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Beyond WeChat's 5 s, for the network between it and this server.</summary>
    private static readonly TimeSpan WithholdGrace = TimeSpan.FromSeconds(1);

    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, Verify);
        endpoints.MapPost(Route, ReceiveAsync);
        return endpoints;
    }

    private static IResult Verify(HttpRequest request, IOptions<WeChatOptions> options, ILogger<WeChatRequest> logger)
    {
        var query = WeChatRequest.From(request.Query);
        if (!query.IsSignedWith(options.Value.Token))
        {
            WeChatLog.BadSignature(logger, HttpMethods.Get);
            return Results.Unauthorized();
        }

        return Results.Text(request.Query["echostr"].ToString(), "text/plain");
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context,
        IOptions<WeChatOptions> options,
        MessageCryptoKeyring keyring,
        ReplayGuard replayGuard,
        IWeChatMessageHandler handler,
        TimeProvider timeProvider,
        ILogger<WeChatRequest> logger)
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

        if (!query.IsFreshAt(arrival, TimeSpan.FromSeconds(options.Value.MaxClockSkewSeconds)))
        {
            WeChatLog.StaleTimestamp(logger, options.Value.MaxClockSkewSeconds);
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(context, MaxBodyBytes);
        if (body is null)
        {
            WeChatLog.BodyTooLarge(logger, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var (push, refusal) = OpenedPush.Open(query, body.Value, token, keyring, logger);
        if (push is null)
        {
            return refusal!;
        }

        // Only a push that passed every signature check is recorded, so a forger cannot fill the ledger.
        if (await replayGuard.IsReplayAsync(query, body.Value, arrival, context.RequestAborted))
        {
            WeChatLog.ReplayedPush(logger);
            return Results.Unauthorized();
        }

        if (!InboundMessageParser.TryParse(push.MessageXml, out var message, out var error))
        {
            WeChatLog.MalformedPush(logger, error);
            return Results.BadRequest(error);
        }

        // Under the host's proxy, RequestAborted fires when WeChat gives up on the attempt; the answer itself lives on.
        var reply = await handler.HandleAsync(message, arrival, context.RequestAborted);
        var now = timeProvider.GetUtcNow();
        return reply switch
        {
            TextReply text => Results.Text(push.Seal(ReplyXml.Text(message, text, now), query, token, now), "application/xml; charset=utf-8"),
            WithheldReply => await WithholdAsync(context, arrival, timeProvider),
            null => Results.Text("success", "text/plain"),
            _ => throw new NotSupportedException($"Reply type {reply.GetType().Name} has no XML writer."),
        };
    }

    /// <summary>
    /// Keeps the connection open until WeChat drops it, then drops it too, so WeChat retries. Any reply, even an empty
    /// one, would end the retries; dropping it early might not count as a timeout.
    /// </summary>
    private static async Task<IResult> WithholdAsync(HttpContext context, DateTimeOffset arrival, TimeProvider timeProvider)
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
