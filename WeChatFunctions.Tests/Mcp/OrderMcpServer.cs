using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.Tools;

namespace WeChatFunctions.Tests.Mcp;

/// <summary>
/// A real MCP server of the official SDK (Streamable HTTP) on loopback with <see cref="OrderTools"/>, behind a bearer
/// token when given one. It records the order numbers asked about and the Authorization header of every request.
/// </summary>
public sealed class OrderMcpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _authorizations = new();
    private readonly string? _requiredToken;
    private int _rejections;

    private OrderMcpServer(string? requiredToken, int port)
    {
        _requiredToken = requiredToken;
        (_app, var address) = InProcessHosts.StartOnLoopback(
            app =>
            {
                app.Use(async (context, next) =>
                {
                    var authorization = context.Request.Headers.Authorization.ToString();
                    _authorizations.Enqueue(authorization);
                    if (_requiredToken is not null && authorization != $"Bearer {_requiredToken}")
                    {
                        Interlocked.Increment(ref _rejections);
                        context.Response.StatusCode = 401;
                        return;
                    }

                    await next();
                });
                app.MapMcp("/mcp");
            },
            addServices: services =>
            {
                services.AddSingleton(Lookups);
                services.AddMcpServer().WithHttpTransport().WithTools<OrderTools>();
            },
            port: port);
        Endpoint = new Uri(address, "/mcp");
    }

    /// <summary>The value for <c>mcp_servers</c>: <c>name=</c> and this.</summary>
    public Uri Endpoint { get; }

    public OrderLookups Lookups { get; } = new();

    public IReadOnlyList<string> Authorizations => [.. _authorizations];

    /// <summary>Requests refused with 401 for a missing or wrong token.</summary>
    public int Rejections => Volatile.Read(ref _rejections);

    /// <param name="port">A port chosen beforehand, for a server that comes up after the app; 0 for any free one.</param>
    public static OrderMcpServer Start(string? requiredToken = null, int port = 0) => new(requiredToken, port);

    /// <summary>A call of <c>lookup_order</c> or <c>cancel_order</c> as the model would make it.</summary>
    internal static ToolInvocation Asking(string followerId, string orderId) => new(followerId, JsonSerializer.SerializeToElement(new { orderId }));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
