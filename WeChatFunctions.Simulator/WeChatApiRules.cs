using System.Text;

namespace WeChatFunctions.Simulator;

/// <summary>
/// The rules WeChat's API applies, as documented: one valid access token at a time from stable_token (the same one
/// while it lasts), 2048 bytes per text message, 5 customer-service messages and 48 hours after a follower's message.
/// </summary>
public sealed class WeChatApiRules(string appId, string appSecret, TimeSpan tokenLifetime)
{
    public const int MessagesPerFollowerMessage = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset At, int Pushed)> _followers = new(StringComparer.Ordinal);
    private string? _token;
    private DateTimeOffset _expiresAt;
    private int _issued;

    /// <summary>How many access tokens were issued: a new one only when none was valid.</summary>
    public int TokensIssued
    {
        get
        {
            lock (_lock)
            {
                return _issued;
            }
        }
    }

    /// <returns>The token and its seconds left, or an error code.</returns>
    public (string? Token, int ExpiresIn, int ErrorCode) StableToken(string? requestAppId, string? secret, DateTimeOffset now)
    {
        if (requestAppId != appId)
        {
            return (null, 0, 40013);
        }

        if (secret != appSecret)
        {
            return (null, 0, 40125);
        }

        lock (_lock)
        {
            if (_token is null || now >= _expiresAt)
            {
                _token = "simulated-token-" + Guid.NewGuid().ToString("N");
                _expiresAt = now + tokenLifetime;
                _issued++;
            }

            return (_token, (int)Math.Ceiling((_expiresAt - now).TotalSeconds), 0);
        }
    }

    /// <summary>Voids the token, as a force_refresh by another party or a reset in the console does.</summary>
    public void RevokeToken()
    {
        lock (_lock)
        {
            _token = null;
        }
    }

    /// <returns>0, 40001 for an unknown token or 42001 for an expired one.</returns>
    public int CheckToken(string? token, DateTimeOffset now)
    {
        lock (_lock)
        {
            return token is null || token != _token ? 40001 : now >= _expiresAt ? 42001 : 0;
        }
    }

    /// <summary>The follower sent a message: a new window with a fresh message count opens.</summary>
    public void FollowerWrote(string openId, DateTimeOffset at)
    {
        lock (_lock)
        {
            _followers[openId] = (at, 0);
        }
    }

    /// <returns>The message's number and 0, or the error WeChat gives: 45002 too long, 45015 window closed, 45047 quota used up.</returns>
    public (int Number, int ErrorCode) Push(string openId, string content, DateTimeOffset now)
    {
        if (Encoding.UTF8.GetByteCount(content) > 2048)
        {
            return (0, 45002);
        }

        lock (_lock)
        {
            // A follower the simulator never saw write counts from the simulator's start.
            var (wrote, pushed) = _followers.GetValueOrDefault(openId, (now, 0));
            if (now - wrote > Window)
            {
                return (pushed + 1, 45015);
            }

            if (pushed >= MessagesPerFollowerMessage)
            {
                return (pushed + 1, 45047);
            }

            _followers[openId] = (wrote, pushed + 1);
            return (pushed + 1, 0);
        }
    }
}
