using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace WeChatFunctions.Simulator;

/// <summary>
/// Plays the WeChat platform toward a server URL: signs each push, encrypts it in compat or safe mode, gives each
/// attempt 5 s, and makes three attempts with the same body, as WeChat does, before showing the follower an error.
/// See https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
/// </summary>
public sealed class SimulatedPlatform(HttpClient http, SimulatedAccount account, TimeSpan? attemptTimeout = null)
{
    public const int Attempts = 3;

    private readonly TimeSpan _attemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5);
    private readonly ReplyReader _reader = new(account);

    /// <summary>The server-URL check the admin console runs when the URL is saved.</summary>
    /// <returns>Whether the server echoed <c>echostr</c>, and what it answered.</returns>
    public async Task<(bool Passed, string Detail)> VerifyAsync(CancellationToken cancellationToken)
    {
        var (timestamp, nonce) = Stamp();
        var echo = Random.Shared.NextInt64(1, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSigner.Sign(account.Token, timestamp, nonce);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_attemptTimeout);
        try
        {
            using var response = await http.GetAsync(With(account.Url, $"signature={signature}&timestamp={timestamp}&nonce={nonce}&echostr={echo}"), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.StatusCode == HttpStatusCode.OK && body == echo
                ? (true, "服务器原样返回了 echostr")
                : (false, $"服务器返回 HTTP {(int)response.StatusCode}，内容「{Shorten(body)}」，应原样返回 echostr「{echo}」");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (false, $"无法在 {_attemptTimeout.TotalSeconds:0} 秒内连接服务器：{exception.Message}");
        }
    }

    public async Task<Delivery> DeliverAsync(SimulatedMessage message, string followerId, CancellationToken cancellationToken)
    {
        var plain = message.Xml(account.AccountId, followerId, DateTimeOffset.UtcNow);
        var (timestamp, nonce) = Stamp();
        var query = $"signature={WeChatSigner.Sign(account.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={Uri.EscapeDataString(followerId)}";
        var body = plain;
        if (account.Cipher is { } cipher)
        {
            var encrypt = cipher.Encrypt(plain);
            var visibleFields = account.CompatMode ? plain["<xml>".Length..^"</xml>".Length] : $"<ToUserName><![CDATA[{account.AccountId}]]></ToUserName>";
            body = $"<xml>{visibleFields}<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
            query += $"&encrypt_type=aes&msg_signature={WeChatSigner.Sign(account.Token, timestamp, nonce, encrypt)}";
        }

        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var attemptEnds = _attemptTimeout * attempt;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(attemptEnds - clock.Elapsed);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/xml");
                using var response = await http.PostAsync(With(account.Url, query), content, timeout.Token);
                var reply = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new Delivery(attempt, clock.Elapsed, _reader.Read(reply, followerId), failures);
                }

                // An error status is a failed attempt at once; WeChat does not wait out the 5 s for it.
                failures.Add($"第 {attempt} 次：HTTP {(int)response.StatusCode} {Shorten(reply)}".TrimEnd());
                continue;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failures.Add(exception is OperationCanceledException ? $"第 {attempt} 次：{_attemptTimeout.TotalSeconds:0} 秒内没有回复" : $"第 {attempt} 次：{exception.Message}");
            }

            var wait = attemptEnds - clock.Elapsed;
            if (wait > TimeSpan.Zero && attempt < Attempts)
            {
                await Task.Delay(wait, cancellationToken);
            }
        }

        return new Delivery(0, clock.Elapsed, FollowerView.Unavailable(string.Join("；", failures)), failures);
    }

    private static Uri With(Uri url, string query) => new UriBuilder(url) { Query = string.IsNullOrEmpty(url.Query) ? query : url.Query.TrimStart('?') + "&" + query }.Uri;

    private static (string Timestamp, string Nonce) Stamp() =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
         Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>Which attempt got the reply (0 for none), when, what the follower saw, and what went wrong before.</summary>
public sealed record Delivery(int Attempt, TimeSpan Elapsed, FollowerView View, IReadOnlyList<string> FailedAttempts);
