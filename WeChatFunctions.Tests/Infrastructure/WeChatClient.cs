using System.Globalization;
using System.Text;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Plays the WeChat platform toward the app's server URL: signs, pushes and reads replies.</summary>
public sealed class WeChatClient(HttpClient http, string token, string path = "/api/wechat")
{
    public string Token => token;

    public async Task<HttpResponseMessage> VerifyAsync(string echo, Signing signing = Signing.Valid, DateTimeOffset? stampedAt = null)
    {
        var (timestamp, nonce) = Stamp(stampedAt);
        var signature = signing switch
        {
            Signing.Valid => WeChatSigner.Sign(token, timestamp, nonce),
            Signing.Forged => WeChatSigner.Sign("not-the-token", timestamp, nonce),
            _ => null,
        };
        var query = $"timestamp={timestamp}&nonce={nonce}&echostr={Uri.EscapeDataString(echo)}" + (signature is null ? "" : $"&signature={signature}");
        return await http.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
    }

    public Task<WeChatReplyView> PushAsync(SignedPush push, CancellationToken cancellationToken = default)
    {
        var (body, encrypt) = push.Cipher is null ? (push.Body, null) : push.Seal();
        return PushAsync(push, new StringContent(body, Encoding.UTF8, "text/xml"), encrypt, cancellationToken);
    }

    /// <param name="encrypt">The ciphertext in the body when the push is encrypted, which msg_signature covers.</param>
    public async Task<WeChatReplyView> PushAsync(SignedPush push, HttpContent content, string? encrypt = null, CancellationToken cancellationToken = default)
    {
        var (timestamp, nonce) = Stamp(push.StampedAt, push.Nonce);
        var signingToken = push.Signing == Signing.Forged ? token + "x" : token;
        var query = $"timestamp={timestamp}&nonce={nonce}&openid={Uri.EscapeDataString(push.FollowerId)}";
        if (push.Signing != Signing.None)
        {
            query += $"&signature={WeChatSigner.Sign(signingToken, timestamp, nonce)}";
            query += encrypt is null ? "" : $"&msg_signature={WeChatSigner.Sign(signingToken, timestamp, nonce, encrypt)}";
        }

        query += encrypt is null ? "" : "&encrypt_type=aes";
        using var response = await http.PostAsync(new Uri($"{path}?{query}", UriKind.Relative), content, cancellationToken);
        var reply = new WeChatReplyView(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType);
        return encrypt is null || push.Cipher is null ? reply : reply.Opened(push.Cipher, token);
    }

    /// <summary>Sends a text as a new follower would, and returns the reply text.</summary>
    public async Task<string> AskAsync(string followerId, string question) =>
        (await PushAsync(SignedPush.Text(question).From(followerId))).Content;

    public static string NewFollowerId() => "o" + Guid.NewGuid().ToString("N")[..27];

    public static string NewNonce() => Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);

    private static (string Timestamp, string Nonce) Stamp(DateTimeOffset? at = null, string? nonce = null) =>
        ((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), nonce ?? NewNonce());
}
