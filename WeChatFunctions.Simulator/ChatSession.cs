using System.Globalization;

namespace WeChatFunctions.Simulator;

/// <summary>
/// One follower chatting with the account: each line is a message, or a command starting with <c>:</c>. Prints what
/// the follower would see, which attempt answered and when, and WeChat's own error text with the reason when a reply
/// would fault.
/// </summary>
/// <param name="pushes">With <c>--service-account</c>: the customer-service messages the app sends, printed after each message.</param>
public sealed class ChatSession(SimulatedPlatform platform, SimulatedAccount account, TextWriter output, string followerId, ServiceAccountConsole? pushes = null)
    : IAsyncDisposable
{
    public const string Help = """
        直接输入文字发送消息。命令：
          :subscribe / :unsubscribe   发送关注 / 取消关注事件
          :voice 文字                 发送语音消息（带语音识别结果）；:voice 不带文字则没有识别结果
                                      （--service-account 时是一秒静音，应用可用 media/get 下载后自己转文字）
          :voice-file 文件路径         发送没有识别结果的语音（.amr，或 .speex/.spx），需要 --service-account：
                                      文件由模拟的微信接口 media/get 提供，应用下载后自己转文字
          :image 文件路径或网址        发送图片消息（本地文件经本机地址提供：本地运行的应用需设置
                                      image_url_hosts=* 和 allow_private_network_fetch=true）
          :openid 新的OpenID          切换粉丝
          :verify                     执行服务器 URL 校验（GET）
          :help                       显示本说明
          :quit                       退出
        """;

    private LocalImageServer? _images;

    public string FollowerId { get; private set; } = followerId;

    /// <summary>How many messages so far ended in an error WeChat would have shown.</summary>
    public int Errors { get; private set; }

    public async Task StartAsync() =>
        await output.WriteLineAsync($"模拟微信 → {account.Url}（{account.Mode}），粉丝 OpenID：{FollowerId}。输入 :help 查看命令。");

    /// <returns><see langword="false"/> when the line asks to quit.</returns>
    public async Task<bool> HandleAsync(string line, CancellationToken cancellationToken)
    {
        var (command, argument) = Split(line);
        switch (command)
        {
            case ":quit" or ":exit":
                return false;
            case ":help":
                await output.WriteLineAsync(Help);
                return true;
            case ":openid" when argument.Length > 0:
                FollowerId = argument;
                await output.WriteLineAsync($"已切换到粉丝 {FollowerId}");
                return true;
            case ":verify":
                await VerifyAsync(cancellationToken);
                return true;
            case ":subscribe" or ":unsubscribe":
                await SendAsync(SimulatedMessage.Event(command[1..]), cancellationToken);
                return true;
            case ":voice" when argument.Length > 0:
                await SendAsync(SimulatedMessage.Voice(argument), cancellationToken);
                return true;
            case ":voice":
                await SendVoiceAsync(SimulatedVoice.Silence, "amr", cancellationToken);
                return true;
            case ":voice-file" when argument.Length > 0:
                await SendVoiceFileAsync(argument, cancellationToken);
                return true;
            case ":image" when argument.Length > 0:
                await SendAsync(SimulatedMessage.Image(ImageUrl(argument)), cancellationToken);
                return true;
            case [':', ..]:
                await output.WriteLineAsync($"未知命令 {command}。{Help}");
                return true;
            default:
                await SendAsync(SimulatedMessage.Text(line), cancellationToken);
                return true;
        }
    }

    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var (passed, detail) = await platform.VerifyAsync(cancellationToken);
        Errors += passed ? 0 : 1;
        await output.WriteLineAsync(passed ? $"URL 校验通过：{detail}" : $"微信后台显示：token验证失败。原因：{detail}");
    }

    public async Task SendAsync(SimulatedMessage message, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"> {message.Description}");
        pushes?.FollowerWrote(FollowerId);
        var delivery = await platform.DeliverAsync(message, FollowerId, cancellationToken);
        var seconds = delivery.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var view = delivery.View;
        if (view.IsError)
        {
            Errors++;
            var when = delivery.Attempt > 0 ? $"第 {delivery.Attempt} 次请求，{seconds} 秒" : $"{SimulatedPlatform.Attempts} 次请求均失败，{seconds} 秒";
            await output.WriteLineAsync($"[{when}] 微信显示：{view.WeChatError}\n原因：{view.Reason}");
        }
        else if (view.Reply is null)
        {
            await output.WriteLineAsync($"[第 {delivery.Attempt} 次请求，{seconds} 秒] 没有回复（success），粉丝看不到任何内容");
            Errors += pushes is null ? 0 : await pushes.PrintPushesAsync(FollowerId, expected: true, cancellationToken);
        }
        else
        {
            await output.WriteLineAsync($"[第 {delivery.Attempt} 次请求，{seconds} 秒] 回复：\n{view.Reply}");
            Errors += pushes is null ? 0 : await pushes.PrintPushesAsync(FollowerId, expected: false, cancellationToken);
        }
    }

    /// <summary>A voice without recognition, kept for media/get when the simulator plays WeChat's API too.</summary>
    private Task SendVoiceAsync(byte[] voice, string format, CancellationToken cancellationToken) =>
        SendAsync(
            pushes is null
                ? SimulatedMessage.Voice(recognition: null)
                : SimulatedMessage.Voice(recognition: null, pushes.Media.Add(voice, SimulatedVoice.ContentTypeOf(format), $"voice.{format}"), format),
            cancellationToken);

    private async Task SendVoiceFileAsync(string path, CancellationToken cancellationToken)
    {
        if (pushes is null || !File.Exists(path))
        {
            await output.WriteLineAsync(pushes is null ? "发送语音文件需要 --service-account：文件由模拟的微信接口 media/get 提供。" : $"找不到文件 {path}");
            return;
        }

        var format = SimulatedVoice.FormatOf(path);
        await SendVoiceAsync(await File.ReadAllBytesAsync(path, cancellationToken), format, cancellationToken);
    }

    private Uri ImageUrl(string pathOrUrl)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        _images ??= new LocalImageServer();
        return _images.Serve(pathOrUrl);
    }

    private static (string Command, string Argument) Split(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith(':'))
        {
            return ("", trimmed);
        }

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (trimmed.ToLowerInvariant(), "") : (trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        if (_images is not null)
        {
            await _images.DisposeAsync();
        }
    }
}
