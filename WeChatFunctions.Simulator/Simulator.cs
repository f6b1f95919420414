using System.CommandLine;

namespace WeChatFunctions.Simulator;

/// <summary>
/// The command line: <c>--url … --token …</c> and, for compat or safe mode, <c>--app-id … --aes-key …</c>. With
/// messages after the options it sends them in order as one follower, prints what the follower sees, and exits 1 when
/// WeChat would have shown an error; without them it opens a chat prompt.
/// </summary>
public static class Simulator
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        var url = new Option<string>("--url") { Description = "服务器地址，例如 http://localhost:7071/api/wechat", Required = true };
        var token = new Option<string>("--token") { Description = "公众号后台服务器配置中的 Token（即 wechat_token）", Required = true };
        var appId = new Option<string?>("--app-id") { Description = "AppID；与 --aes-key 一起使用时启用加密" };
        var aesKey = new Option<string?>("--aes-key") { Description = "EncodingAESKey（43 位）；默认安全模式" };
        var compat = new Option<bool>("--compat") { Description = "加密时使用兼容模式（明文字段和密文一起发送）" };
        var openId = new Option<string?>("--openid") { Description = "粉丝的 OpenID；默认随机生成" };
        var account = new Option<string>("--account") { Description = "公众号原始 ID（gh_…）", DefaultValueFactory = _ => "gh_simulator" };
        var verify = new Option<bool>("--verify") { Description = "只执行服务器 URL 校验（GET）" };
        var serviceAccount = new Option<bool>("--service-account") { Description = "同时模拟微信服务端接口（stable_token、客服消息），显示应用推送的客服消息" };
        var appSecret = new Option<string>("--app-secret") { Description = "--service-account 时应用使用的 AppSecret", DefaultValueFactory = _ => "simulatorappsecret0000000000000" };
        var apiPort = new Option<int>("--api-port") { Description = "--service-account 时接口监听的端口", DefaultValueFactory = _ => 7072 };
        var messages = new Argument<string[]>("messages") { Description = "要依次发送的消息；以 : 开头的是命令，如 :subscribe", Arity = ArgumentArity.ZeroOrMore };

        var root = new RootCommand("微信公众号模拟器：像微信一样签名、加密、推送消息并检查回复。")
        {
            url, token, appId, aesKey, compat, openId, account, verify, serviceAccount, appSecret, apiPort, messages, MenuCommand.Create(output),
        };
        root.Validators.Add(result =>
        {
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError("--url 必须是 http 或 https 的完整地址，例如 http://localhost:7071/api/wechat。");
            }

            if (result.GetValue(aesKey) is { } key && (key.Length != 43 || string.IsNullOrEmpty(result.GetValue(appId))))
            {
                result.AddError("--aes-key 必须是 43 个字符，并且需要同时提供 --app-id。");
            }
        });
        root.SetAction(async (result, invocationCancellation) =>
        {
            var cipher = result.GetValue(aesKey) is { } key ? new WeChatCipher(key, result.GetValue(appId)!) : null;
            var simulated = new SimulatedAccount(new Uri(result.GetValue(url)!), result.GetValue(token)!, result.GetValue(account)!, cipher, result.GetValue(compat));
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var serviceAppId = result.GetValue(appId) ?? "wxsimulator000000";
            await using var api = result.GetValue(serviceAccount) ? new WeChatApiServer(serviceAppId, result.GetValue(appSecret)!, port: result.GetValue(apiPort)) : null;
            var pushes = api is null ? null : new ServiceAccountConsole(api, output);
            if (pushes is not null)
            {
                await output.WriteLineAsync(pushes.Banner(serviceAppId, result.GetValue(appSecret)!));
            }

            await using var session = new ChatSession(new SimulatedPlatform(http, simulated), simulated, output, result.GetValue(openId) ?? NewOpenId(), pushes);
            if (result.GetValue(verify))
            {
                await session.VerifyAsync(invocationCancellation);
                return session.Errors == 0 ? 0 : 1;
            }

            var lines = result.GetValue(messages) ?? [];
            if (lines.Length > 0)
            {
                foreach (var line in lines)
                {
                    await session.HandleAsync(line, invocationCancellation);
                }

                return session.Errors == 0 ? 0 : 1;
            }

            await session.StartAsync();
            while (await input.ReadLineAsync(invocationCancellation) is { } line && await session.HandleAsync(line, invocationCancellation))
            {
            }

            return 0;
        });

        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken);
    }

    public static string NewOpenId() => "o" + Guid.NewGuid().ToString("N")[..27];
}
