namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// The app as its own process on a loopback port: one instance of a scaled-out function app. Several share one
/// Azurite, and one can be killed mid-answer.
/// </summary>
public sealed class WeChatInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly AppProcess _process;
    private readonly HttpClient _http;

    private WeChatInstance(AppProcess process, HttpClient http)
    {
        _process = process;
        _http = http;
        WeChat = new WeChatClient(http, WeChatApplication.WeChatToken);
    }

    public WeChatClient WeChat { get; }

    public Uri Address => _http.BaseAddress!;

    public int ProcessId => _process.ProcessId;

    public string Output => _process.Output;

    /// <param name="assembly">A published WeChatFunctions.dll to run instead of the build under test.</param>
    public static async Task<WeChatInstance> StartAsync(IReadOnlyDictionary<string, string?> settings, string? assembly = null)
    {
        var process = AppProcess.StartExecutable(assembly, settings, AppContext.BaseDirectory, AppProcess.AnyLoopbackPort);
        return new WeChatInstance(process, await process.WaitUntilListeningAsync(StartTimeout));
    }

    /// <summary>Kills the process outright, as a crashed or reclaimed instance dies: nothing is flushed.</summary>
    public Task KillAsync() => _process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
