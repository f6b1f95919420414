using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Stands in for the web on loopback: serves the HTML a test put at a path, with the status it chose.</summary>
public sealed class PageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string Html, TimeSpan Delay)> _pages = new(StringComparer.Ordinal);

    private PageServer() => (_app, BaseAddress) = InProcessHosts.StartOnLoopback(app => app.MapGet("/{**path}", ServeAsync));

    public Uri BaseAddress { get; }

    public static Task<PageServer> StartAsync() => Task.FromResult(new PageServer());

    /// <returns>The page's URL.</returns>
    /// <param name="delay">How long the server takes before it answers.</param>
    public string Serve(string path, string html, int status = StatusCodes.Status200OK, TimeSpan delay = default)
    {
        _pages[path.TrimStart('/')] = (status, html, delay);
        return new Uri(BaseAddress, path).ToString();
    }

    private async Task ServeAsync(HttpContext context, string? path)
    {
        if (!_pages.TryGetValue(path ?? "", out var page))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await Task.Delay(page.Delay, context.RequestAborted);
        context.Response.StatusCode = page.Status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page.Html, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
