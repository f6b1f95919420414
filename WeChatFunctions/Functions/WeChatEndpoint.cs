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
        IWeChatMessageHandler handler,
        IHostApplicationLifetime lifetime,
        TimeProvider timeProvider,
        ILogger<WeChatRequest> logger)
    {
        if (!WeChatRequest.From(context.Request.Query).IsSignedWith(options.Value.Token))
        {
            WeChatLog.BadSignature(logger, HttpMethods.Post);
            return Results.Unauthorized();
        }

        var body = await RequestBody.ReadAsync(context, MaxBodyBytes);
        if (body is null)
        {
            WeChatLog.BodyTooLarge(logger, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!InboundMessageParser.TryParse(body.Value, out var message, out var error))
        {
            WeChatLog.MalformedPush(logger, error);
            return Results.BadRequest(error);
        }

        // The answer must not be cancelled when WeChat gives up on this attempt: only shutting down stops it.
        var reply = await handler.HandleAsync(message, lifetime.ApplicationStopping);
        return reply switch
        {
            TextReply text => Results.Text(ReplyXml.Text(message, text, timeProvider.GetUtcNow()), "application/xml; charset=utf-8"),
            null => Results.Text("success", "text/plain"),
            _ => throw new NotSupportedException($"Reply type {reply.GetType().Name} has no XML writer."),
        };
    }
}
