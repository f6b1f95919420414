using System.Net;
using System.Net.Sockets;

namespace WeChatFunctions.Simulator;

/// <summary>A small HTTP server on a loopback port, for the parts of WeChat the simulator plays.</summary>
public abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private Task _serving = Task.CompletedTask;

    /// <param name="port">The port, or 0 for any free one.</param>
    protected LoopbackHttpServer(int port = 0)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{(port == 0 ? FreePort() : port)}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts serving; called by the subclass once it is ready to answer.</summary>
    protected void Start()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>Answers one request; requests are answered concurrently.</summary>
    protected abstract Task AnswerAsync(HttpListenerContext context);

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

            _ = Task.Run(() => AnswerAsync(context));
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
        // Stop and Close both remove the prefix on the managed listener, which looks its port up again to do so; if
        // another server took the port in the meantime, that lookup fails. The listener has stopped either way.
        IgnoringATakenPort(_listener.Stop);
        IgnoringATakenPort(_listener.Close);
        await _serving;
        GC.SuppressFinalize(this);
    }

    private static void IgnoringATakenPort(Action step)
    {
        try
        {
            step();
        }
        catch (HttpListenerException)
        {
        }
    }
}
