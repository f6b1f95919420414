using System.Globalization;
using WeChatFunctions.Simulator;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// A verified account: WeChat's API played by the simulator's server, for an AppID of its own, so that the token and
/// the API state one test leaves in storage are never another's.
/// </summary>
public sealed class VerifiedAccount : IAsyncDisposable
{
    public const string AppSecret = "0123456789abcdef0123456789abcdef";

    private VerifiedAccount(TimeSpan? tokenLifetime)
    {
        AppId = "wx" + Guid.NewGuid().ToString("N")[..16];
        Api = new WeChatApiServer(AppId, AppSecret, tokenLifetime);
    }

    public string AppId { get; }

    public static VerifiedAccount Start(TimeSpan? tokenLifetime = null) => new(tokenLifetime);

    public WeChatApiServer Api { get; }

    /// <summary>Settings that point an app at this account's API in <paramref name="replyMode"/>.</summary>
    public void Configure(Dictionary<string, string?> settings, string replyMode)
    {
        settings["reply_mode"] = replyMode;
        settings["wechat_app_id"] = AppId;
        settings["wechat_app_secret"] = AppSecret;
        settings["wechat_api_base"] = Api.BaseAddress.ToString();
    }

    /// <summary>Waits until the follower has been pushed <paramref name="count"/> accepted messages, or the timeout.</summary>
    public async Task<IReadOnlyList<string>> DeliveredToAsync(string followerId, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Api.DeliveredTo(followerId).Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return Api.DeliveredTo(followerId);
    }

    /// <summary>Waits until WeChat's API saw <paramref name="count"/> sends to the follower, accepted or not.</summary>
    public async Task<IReadOnlyList<PushedMessage>> AttemptedToAsync(string followerId, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Api.Pushes.Count(push => push.OpenId == followerId) < count && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return [.. Api.Pushes.Where(push => push.OpenId == followerId)];
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
