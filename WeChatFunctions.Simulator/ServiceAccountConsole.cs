using System.Globalization;

namespace WeChatFunctions.Simulator;

/// <summary>
/// The simulator's <c>--service-account</c> side: it plays WeChat's API for the app and prints each customer-service
/// message as the follower would see it, when it came, and which of WeChat's rules refused it.
/// </summary>
public sealed class ServiceAccountConsole(WeChatApiServer api, TextWriter output)
{
    /// <summary>An answer's messages come one after another; this long without one means the answer is done.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(2);

    private DateTimeOffset _lastMessage = DateTimeOffset.UtcNow;

    /// <summary>The voices followers send without recognition, for the app's media/get.</summary>
    public WeChatMediaLibrary Media => api.Media;

    public string Banner(string appId, string appSecret) =>
        $"模拟微信接口：{api.BaseAddress}。应用需设置 reply_mode=customer_service（或 auto）、wechat_app_id={appId}、wechat_app_secret={appSecret}、wechat_api_base={api.BaseAddress}"
        + "（语音转文字用同样的 wechat_* 设置下载语音，reply_mode 可以是 passive）";

    /// <summary>The follower sent a message: WeChat opens a new 48-hour window with 5 customer-service messages.</summary>
    public void FollowerWrote(string openId)
    {
        _lastMessage = DateTimeOffset.UtcNow;
        api.Rules.FollowerWrote(openId, _lastMessage);
    }

    /// <summary>Prints the customer-service messages to the follower as they come, until they stop.</summary>
    /// <param name="expected">The reply was empty, so the answer comes this way: wait up to two minutes for its first message.</param>
    /// <returns>How many were refused.</returns>
    public async Task<int> PrintPushesAsync(string openId, bool expected, CancellationToken cancellationToken)
    {
        var printed = 0;
        var refused = 0;
        var lastActivity = DateTimeOffset.UtcNow;
        if (expected)
        {
            await output.WriteLineAsync("（等待客服消息…）");
        }

        while (DateTimeOffset.UtcNow - lastActivity < (printed == 0 && expected ? MaxWait : Quiet))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            var pushes = api.Pushes.Where(push => push.OpenId == openId && push.At >= _lastMessage).ToList();
            foreach (var push in pushes.Skip(printed))
            {
                refused += push.ErrorCode == 0 ? 0 : 1;
                await output.WriteLineAsync(Describe(push));
                lastActivity = DateTimeOffset.UtcNow;
            }

            printed = pushes.Count;
        }

        if (printed == 0 && !expected)
        {
            return 0;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"（共 {printed} 条客服消息；access_token 获取 {api.StableTokenCalls} 次，因 token 无效被拒 {api.TokenRejections} 次）"));
        return refused + (api.TokenRejections > 0 ? 1 : 0);
    }

    private string Describe(PushedMessage push)
    {
        var seconds = (push.At - _lastMessage).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        return push.ErrorCode == 0
            ? $"[客服消息 {push.Number}/{WeChatApiRules.MessagesPerFollowerMessage}，提问后 {seconds} 秒]\n{push.Content}"
            : $"[客服消息被拒，提问后 {seconds} 秒] 微信返回 {push.ErrorCode}：{Meaning(push.ErrorCode)}";
    }

    private static string Meaning(int errorCode) => errorCode switch
    {
        45002 => "消息超过 2048 字节",
        45015 => "粉丝最后一条消息已超过 48 小时",
        45047 => $"超过每条粉丝消息 {WeChatApiRules.MessagesPerFollowerMessage} 条客服消息的上限",
        48001 => "接口未授权",
        _ => "其他错误",
    };
}
