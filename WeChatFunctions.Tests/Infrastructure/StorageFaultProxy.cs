using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Stands between the app and Azurite's Table endpoint, passing requests through, and injects the faults Azure Storage
/// shows under load: 503 ServerBusy before a request reaches storage, or after storage applied it, as when the
/// response is lost on the way back; and requests held for seconds, as an overloaded instance's are.
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    private const string ServerBusyBody = """{"odata.error":{"code":"ServerBusy","message":{"lang":"en-US","value":"The server is busy (injected)."}}}""";

    private static readonly HashSet<string> HopHeaders = new(["Host", "Transfer-Encoding", "Connection"], StringComparer.OrdinalIgnoreCase);

    private readonly WebApplication _app;
    private readonly Uri _target;
    private readonly HttpClient _storage = new();
    private Func<HttpRequest, string, StorageFault> _faultOf = (_, _) => StorageFault.None;
    private int _faults;

    private StorageFaultProxy(Uri target)
    {
        _target = target;
        (_app, BaseAddress) = InProcessHosts.StartOnLoopback(app => app.Run(ForwardAsync));
    }

    /// <summary>How long after the app gave up a <see cref="StorageFault.Late"/> request reaches storage.</summary>
    public static readonly TimeSpan LateBy = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a <see cref="StorageFault.Slow"/> request is held before it goes on: well short of the app's 3-second
    /// network timeout, so that it lands on its first try.
    /// </summary>
    public static readonly TimeSpan SlowBy = TimeSpan.FromSeconds(1.5);

    public Uri BaseAddress { get; }

    /// <summary>How many faults were injected.</summary>
    public int Faults => Volatile.Read(ref _faults);

    /// <summary>A proxy in front of <paramref name="storage"/>'s Table endpoint, passing everything through until told otherwise.</summary>
    public static StorageFaultProxy InFrontOf(AzuriteServer storage) => new(new Uri(TableEndpoint(storage.ConnectionString)));

    /// <summary>The storage connection string with the Table endpoint moved to this proxy.</summary>
    public string ConnectionStringFor(AzuriteServer storage) =>
        storage.ConnectionString.Replace(TableEndpoint(storage.ConnectionString), new Uri(BaseAddress, _target.AbsolutePath).ToString().TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>Decides, for each request, which fault it meets.</summary>
    public void InjectWhen(Func<HttpRequest, StorageFault> faultOf) => _faultOf = (request, _) => faultOf(request);

    /// <summary>Decides, for each request and its body (a transaction names its table only there), which fault it meets.</summary>
    public void InjectWhen(Func<HttpRequest, string, StorageFault> faultOf) => _faultOf = faultOf;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _storage.Dispose();
    }

    private static string TableEndpoint(string connectionString) =>
        connectionString.Split(';').Single(part => part.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..];

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var fault = _faultOf(context.Request, System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
        if (fault == StorageFault.BeforeForwarding)
        {
            await ServerBusyAsync(context);
            return;
        }

        if (fault == StorageFault.Hang)
        {
            Interlocked.Increment(ref _faults);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            return;
        }

        if (fault == StorageFault.Slow)
        {
            Interlocked.Increment(ref _faults);
            await Task.Delay(SlowBy, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return; // given up on before it was sent on: storage never sees it
            }
        }

        if (fault == StorageFault.Late)
        {
            Interlocked.Increment(ref _faults);
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            await Task.Delay(LateBy);
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_target, context.Request.Path + context.Request.QueryString));
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers.Where(header => !HopHeaders.Contains(header.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _storage.SendAsync(request, fault == StorageFault.Late ? CancellationToken.None : context.RequestAborted);
        if (fault == StorageFault.Late)
        {
            return; // nobody is listening any more
        }

        if (fault == StorageFault.AfterForwarding)
        {
            await ServerBusyAsync(context);
            return;
        }

        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(header => !HopHeaders.Contains(header.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private async Task ServerBusyAsync(HttpContext context)
    {
        Interlocked.Increment(ref _faults);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers["x-ms-error-code"] = "ServerBusy";
        context.Response.ContentType = new MediaTypeHeaderValue("application/json").ToString();
        await context.Response.WriteAsync(ServerBusyBody, context.RequestAborted);
    }
}

public enum StorageFault
{
    None,

    /// <summary>503 without touching storage.</summary>
    BeforeForwarding,

    /// <summary>Storage applies the request, and the app gets 503: the response was lost.</summary>
    AfterForwarding,

    /// <summary>No answer at all, until the app gives up on the request.</summary>
    Hang,

    /// <summary>Held for <see cref="StorageFaultProxy.SlowBy"/>, then passed on: storage, or the instance, is overloaded.</summary>
    Slow,

    /// <summary>
    /// No answer until the app gives up on the request; storage applies it <see cref="StorageFaultProxy.LateBy"/> later
    /// all the same, after the app's retry and whatever it wrote next.
    /// </summary>
    Late,
}
