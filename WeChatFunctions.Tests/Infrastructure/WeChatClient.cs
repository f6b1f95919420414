using System.Globalization;
using System.Text;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Plays the WeChat platform toward the app's server URL: signs, pushes and reads replies.</summary>
public sealed class WeChatClient(HttpClient http, string token, string path = "/api/wechat")
{
    public string Token => token;

    public async Task<HttpResponseMessage> VerifyAsync(string echo, Signing signing = Signing.Valid)
    {
        var (timestamp, nonce) = Stamp();
        var signature = signing switch
        {
            Signing.Valid => WeChatSigner.Sign(token, timestamp, nonce),
            Signing.Forged => WeChatSigner.Sign("not-the-token", timestamp, nonce),
            _ => null,
        };
        var query = $"timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echo)}" + (signature is null ? "" : $"&signature={signature}");
        return await http.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
    }

    public Task<WeChatReplyView> PushAsync(SignedPush push, CancellationToken cancellationToken = default) =>
        PushAsync(push, new StringContent(push.Body, Encoding.UTF8, "text/xml"), cancellationToken);

    public async Task<WeChatReplyView> PushAsync(SignedPush push, HttpContent content, CancellationToken cancellationToken = default)
    {
        var (timestamp, nonce) = Stamp();
        var signature = push.Signing switch
        {
            Signing.Valid => WeChatSigner.Sign(token, timestamp, nonce),
            Signing.Forged => WeChatSigner.Sign(token + "x", timestamp, nonce),
            _ => null,
        };
        var query = $"timestamp={timestamp}&nonce={nonce}&openid={Uri.EscapeDataString(push.FollowerId)}" + (signature is null ? "" : $"&signature={signature}");
        using var response = await http.PostAsync(new Uri($"{path}?{query}", UriKind.Relative), content, cancellationToken);
        return new WeChatReplyView(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Sends a text as a new follower would, and returns the reply text.</summary>
    public async Task<string> AskAsync(string followerId, string question) =>
        (await PushAsync(SignedPush.Text(question).From(followerId))).Content;

    public static string NewFollowerId() => "o" + Guid.NewGuid().ToString("N")[..27];

    private static (string Timestamp, string Nonce) Stamp() =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
         Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));
}
