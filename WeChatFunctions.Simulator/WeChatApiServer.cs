using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WeChatFunctions.Simulator;

/// <summary>
/// Plays WeChat's server API on loopback for an app whose <c>wechat_api_base</c> points here: stable_token, customer-
/// service messages, temporary media, the typing indicator and the custom menu, under <see cref="WeChatApiRules"/>. Faults can be
/// injected per call, as WeChat answers a misconfigured account.
/// </summary>
public sealed class WeChatApiServer : LoopbackHttpServer
{
    private readonly List<PushedMessage> _pushes = [];
    private readonly List<(string OpenId, string Command)> _typing = [];
    private int _stableTokenCalls;
    private int _tokenRejections;
    private JsonNode? _menu;

    public WeChatApiServer(string appId, string appSecret, TimeSpan? tokenLifetime = null, int port = 0)
        : base(port)
    {
        Rules = new WeChatApiRules(appId, appSecret, tokenLifetime ?? TimeSpan.FromSeconds(7200));
        Start();
    }

    public WeChatApiRules Rules { get; }

    /// <summary>Followers' voices for <c>media/get</c>, and what the app uploaded with <c>media/upload</c>.</summary>
    public WeChatMediaLibrary Media { get; } = new();

    /// <summary>An error code to answer a call with instead of serving it (the call is <c>message/custom/send</c>, <c>stable_token</c>…), or <see langword="null"/>.</summary>
    public Func<string, int?> Fault { get; set; } = _ => null;

    /// <summary>How long stable_token takes to answer, so that a test can act while a refresh is under way.</summary>
    public TimeSpan StableTokenDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Raised for each customer-service message, accepted or not.</summary>
    public event Action<PushedMessage>? Pushed;

    /// <summary>The account's published articles, newest first, as <c>freepublish/batchget</c> lists them.</summary>
    public IList<PublishedArticle> Published { get; } = new List<PublishedArticle>();

    public int StableTokenCalls => Volatile.Read(ref _stableTokenCalls);

    /// <summary>Calls refused for an invalid or expired access token (40001, 42001).</summary>
    public int TokenRejections => Volatile.Read(ref _tokenRejections);

    public IReadOnlyList<PushedMessage> Pushes
    {
        get
        {
            lock (_pushes)
            {
                return [.. _pushes];
            }
        }
    }

    public IReadOnlyList<(string OpenId, string Command)> Typing
    {
        get
        {
            lock (_typing)
            {
                return [.. _typing];
            }
        }
    }

    /// <summary>The accepted messages to one follower, in the order WeChat received them.</summary>
    public IReadOnlyList<string> DeliveredTo(string openId) => [.. Pushes.Where(push => push.OpenId == openId && push.ErrorCode == 0).Select(push => push.Content)];

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        // HttpListener's managed implementation sometimes drops a kept-alive connection a client is about to reuse.
        response.KeepAlive = false;
        var call = context.Request.Url!.AbsolutePath["/cgi-bin/".Length..];
        if (call is "media/get" or "media/upload")
        {
            await ServeMediaAsync(context, call);
            return;
        }

        var body = context.Request.HasEntityBody ? JsonNode.Parse(await new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEndAsync()) : null;
        if (call == "stable_token" && StableTokenDelay > TimeSpan.Zero)
        {
            await Task.Delay(StableTokenDelay);
        }

        var answer = Serve(call, context.Request.QueryString["access_token"], body, Fault(call), DateTimeOffset.UtcNow);
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        response.ContentType = "application/json; charset=utf-8";
        await response.OutputStream.WriteAsync(bytes);
    }

    private async Task ServeMediaAsync(HttpListenerContext context, string call)
    {
        var now = DateTimeOffset.UtcNow;
        var error = Fault(call) ?? Rules.CheckToken(context.Request.QueryString["access_token"], now);
        if (error != 0)
        {
            await WeChatMediaLibrary.WriteJsonAsync(context.Response, Error(error));
        }
        else if (call == "media/get")
        {
            await Media.ServeDownloadAsync(context.Response, context.Request.QueryString["media_id"]);
        }
        else
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            await WeChatMediaLibrary.WriteJsonAsync(context.Response, Media.Upload(context.Request.QueryString["type"], context.Request.ContentType, body.ToArray(), now));
        }
    }

    /// <param name="fault">The error to answer with instead; a refused customer-service message is still recorded.</param>
    private JsonObject Serve(string call, string? token, JsonNode? body, int? fault, DateTimeOffset now)
    {
        if (fault is { } code && call != "message/custom/send")
        {
            return Error(code);
        }

        if (call == "stable_token")
        {
            Interlocked.Increment(ref _stableTokenCalls);
            var (issued, expiresIn, error) = Rules.StableToken(body?["appid"]?.GetValue<string>(), body?["secret"]?.GetValue<string>(), now);
            return issued is null ? Error(error) : new JsonObject { ["access_token"] = issued, ["expires_in"] = expiresIn };
        }

        if (Rules.CheckToken(token, now) is var tokenError and not 0)
        {
            Interlocked.Increment(ref _tokenRejections);
            return Error(tokenError);
        }

        switch (call)
        {
            case "message/custom/send":
                var openId = body?["touser"]?.GetValue<string>() ?? "";
                var type = body?["msgtype"]?.GetValue<string>() ?? "text";
                // A voice or picture is recorded by its media id, which Media.Find resolves to the uploaded file.
                var content = (type == "text" ? body?["text"]?["content"] : body?[type]?["media_id"])?.GetValue<string>() ?? "";
                var (number, sendError) = fault is { } refused ? (0, refused) : Rules.Push(openId, content, now);
                var pushed = new PushedMessage(openId, content, now, number, sendError, type);
                lock (_pushes)
                {
                    _pushes.Add(pushed);
                }

                Pushed?.Invoke(pushed);
                return Error(sendError);
            case "message/custom/typing":
                lock (_typing)
                {
                    _typing.Add((body?["touser"]?.GetValue<string>() ?? "", body?["command"]?.GetValue<string>() ?? ""));
                }

                return Error(0);
            case "menu/create":
                return body?["button"] is JsonArray { Count: > 0 and <= 3 } ? Remember(body.DeepClone()) : Error(40016);
            case "menu/get" or "get_current_selfmenu_info":
                return _menu is null ? Error(46003) : new JsonObject { ["menu"] = _menu.DeepClone() };
            case "menu/delete":
                return Remember(null);
            case "freepublish/batchget":
                return PublishedArticles.Page(Published, body?["offset"]?.GetValue<int>() ?? -1, body?["count"]?.GetValue<int>() ?? 0, body?["no_content"]?.GetValue<int>() == 1) ?? Error(47001);
            default:
                return Error(40066);
        }
    }

    private JsonObject Remember(JsonNode? menu)
    {
        _menu = menu;
        return Error(0);
    }

    private static JsonObject Error(int code) => WeChatMediaLibrary.Error(code);
}
