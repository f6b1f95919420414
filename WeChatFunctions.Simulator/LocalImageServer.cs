using System.Net;
using System.Net.Sockets;

namespace WeChatFunctions.Simulator;

/// <summary>
/// Serves local image files over loopback HTTP, so that an image message can carry a PicUrl as WeChat's would. Only
/// useful against an app on the same machine; for a deployed app, pass an image URL instead.
/// </summary>
public sealed class LocalImageServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _files = [];
    private readonly Task _serving;

    public LocalImageServer()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseAddress { get; }

    public Uri Serve(string path)
    {
        var name = Guid.NewGuid().ToString("N") + Path.GetExtension(path);
        lock (_files)
        {
            _files[name] = Path.GetFullPath(path);
        }

        return new Uri(BaseAddress, name);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            string? path;
            lock (_files)
            {
                _files.TryGetValue(context.Request.Url?.AbsolutePath.TrimStart('/') ?? "", out path);
            }

            using var response = context.Response;
            if (path is null || !File.Exists(path))
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
                continue;
            }

            response.ContentType = "image/" + Path.GetExtension(path).TrimStart('.').ToLowerInvariant().Replace("jpg", "jpeg", StringComparison.Ordinal);
            await using var file = File.OpenRead(path);
            response.ContentLength64 = file.Length;
            await file.CopyToAsync(response.OutputStream);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
