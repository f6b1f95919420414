using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Mcp;

/// <summary>
/// One of the operator's MCP servers: a client connected over Streamable HTTP, made again after a failure, and the
/// signal by which a failed call asks for the server's tools to be listed again.
/// </summary>
internal sealed class McpServerSession(McpServerSettings server, IHttpClientFactory httpClients, TimeSpan timeout, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public const string HttpClientName = "mcp";

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly Channel<bool> _refreshRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private McpClient? _client;

    public McpServerSettings Server => server;

    /// <summary>Holds an item after a call failed, until the refresher takes it.</summary>
    public ChannelReader<bool> RefreshRequests => _refreshRequests.Reader;

    public async Task<IReadOnlyList<Tool>> ListToolsAsync(CancellationToken cancellationToken) =>
        [.. (await UseAsync(async (client, cancel) => await client.ListToolsAsync(cancellationToken: cancel), cancellationToken)).Select(tool => tool.ProtocolTool)];

    /// <summary>Calls a tool by the server's own name; a failure, other than the caller giving up, asks for a new listing.</summary>
    public async Task<CallToolResult> CallToolAsync(string tool, IDictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await UseAsync(
                async (client, cancel) => await client.CallToolAsync(new CallToolRequestParams { Name = tool, Arguments = arguments }, cancel), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _refreshRequests.Writer.TryWrite(true);
            throw;
        }
    }

    private async Task<TResult> UseAsync<TResult>(Func<McpClient, CancellationToken, Task<TResult>> use, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(cancellationToken);
        try
        {
            return await use(client, cancellationToken);
        }
        catch (Exception exception) when (exception is not McpProtocolException && !cancellationToken.IsCancellationRequested)
        {
            // The server answered with a JSON-RPC error, the client is sound; anything else may have broken the session.
            await ForgetAsync(client);
            throw;
        }
    }

    private async Task<McpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _client) is { Completion.IsCompleted: false } connected)
        {
            return connected;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_client is { Completion.IsCompleted: false } other)
            {
                return other;
            }

            var client = await McpClient.CreateAsync(
                new HttpClientTransport(TransportOptions(), CreateHttpClient(), loggerFactory),
                new McpClientOptions { InitializationTimeout = timeout },
                loggerFactory,
                cancellationToken);
            Volatile.Write(ref _client, client);
            return client;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private HttpClientTransportOptions TransportOptions() => new()
    {
        Endpoint = server.Endpoint,
        Name = server.Name,
        TransportMode = HttpTransportMode.StreamableHttp,
        ConnectionTimeout = timeout,

        // The app only asks; it needs no messages the server would push unasked, nor a request held open for them.
        EnableStandaloneGetStream = false,
    };

    /// <summary>The token goes on this server's client only, whose requests are not logged; the factory owns the handler, so the client needs no disposing.</summary>
    private HttpClient CreateHttpClient()
    {
        var http = httpClients.CreateClient(HttpClientName);
        if (server.Token is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    private async Task ForgetAsync(McpClient client)
    {
        if (Interlocked.CompareExchange(ref _client, null, client) == client)
        {
            await client.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            await client.DisposeAsync();
        }

        _connecting.Dispose();
    }
}
