using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Mcp;

/// <summary>
/// Lists each MCP server's tools as the app starts, without holding up the start; tries a server that cannot be
/// reached again with growing pauses; lists every server again on a schedule, and a server at once after a call to it
/// failed. Answers never wait for any of it: they use the last listing.
/// </summary>
internal sealed class McpToolRefresher(
    McpServers servers, McpToolSource source, IOptions<McpOptions> options, IOptions<ToolOptions> tools, TimeProvider timeProvider, ILogger<McpToolRefresher> logger)
    : BackgroundService
{
    internal static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    internal static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(servers.Sessions.Select(session => KeepListedAsync(session, stoppingToken)));

    private async Task KeepListedAsync(McpServerSession session, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var retry = FirstRetry;
        string? listed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            session.RefreshRequests.TryRead(out _);
            TimeSpan wait;
            try
            {
                listed = Publish(session, await ListAsync(session, stoppingToken), listed);
                (wait, retry) = (options.Value.RefreshInterval, FirstRetry);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                source.Withdraw(session);
                LogFailure(session, retry, exception, firstFailure: retry == FirstRetry);
                listed = null;
                (wait, retry) = (retry, retry * 2 < LastRetry ? retry * 2 : LastRetry);
            }

            await WaitAsync(session, wait, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<Tool>> ListAsync(McpServerSession session, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(tools.Value.Timeout);
        return await session.ListToolsAsync(timeout.Token);
    }

    /// <returns>The names now offered, to log the listing only when it changes.</returns>
    private string Publish(McpServerSession session, IReadOnlyList<Tool> listing, string? listedBefore)
    {
        var server = session.Server;
        var allowed = listing.Where(tool => server.Allows(tool.Name)).ToList();
        source.Publish(session, allowed);
        var names = string.Join(", ", allowed.Select(tool => tool.Name));
        if (names != listedBefore)
        {
            McpLog.Listed(logger, server.Name, allowed.Count, names);
            var missing = server.AllowedTools?.Except(listing.Select(tool => tool.Name)).Order(StringComparer.Ordinal).ToList() ?? [];
            if (missing.Count > 0)
            {
                McpLog.NotOffered(logger, server.Name, string.Join(", ", missing));
            }
        }

        return names;
    }

    private void LogFailure(McpServerSession session, TimeSpan delay, Exception exception, bool firstFailure)
    {
        if (firstFailure)
        {
            McpLog.ListingFailed(logger, session.Server.Name, delay, exception);
        }
        else
        {
            McpLog.ListingStillFailing(logger, session.Server.Name, delay, exception);
        }
    }

    /// <summary>Until the pause is over or a failed call asks for a new listing.</summary>
    private async Task WaitAsync(McpServerSession session, TimeSpan pause, CancellationToken stoppingToken)
    {
        using var paused = new CancellationTokenSource(pause, timeProvider);
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, paused.Token);
        try
        {
            await session.RefreshRequests.WaitToReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The pause is over.
        }
    }
}
