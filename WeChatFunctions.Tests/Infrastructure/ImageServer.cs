using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Stands in for WeChat's image CDN on loopback: serves the bytes a test put at a path, at once or slowly.</summary>
public sealed class ImageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, (byte[] Bytes, TimeSpan Delay)> _images = [];
    private readonly Dictionary<string, string> _redirects = [];
    private int _requests;

    private ImageServer() => (_app, BaseAddress) = InProcessHosts.StartOnLoopback(app => app.MapGet("/{name}", ServeAsync));

    public Uri BaseAddress { get; }

    /// <summary>How many requests reached the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A PNG of <paramref name="size"/> bytes: the PNG signature, then random filler.</summary>
    public static byte[] Png(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    public static Task<ImageServer> StartAsync() => Task.FromResult(new ImageServer());

    /// <returns>The image's URL, as WeChat's PicUrl.</returns>
    public string Serve(byte[] bytes, TimeSpan delay = default)
    {
        var name = Guid.NewGuid().ToString("N");
        lock (_images)
        {
            _images[name] = (bytes, delay);
        }

        return new Uri(BaseAddress, "/" + name).ToString();
    }

    /// <returns>A URL that answers 302 with <paramref name="location"/>.</returns>
    public string Redirect(string location)
    {
        var name = Guid.NewGuid().ToString("N");
        lock (_images)
        {
            _redirects[name] = location;
        }

        return new Uri(BaseAddress, "/" + name).ToString();
    }

    private async Task ServeAsync(HttpContext context, string name)
    {
        Interlocked.Increment(ref _requests);
        (byte[] Bytes, TimeSpan Delay) image;
        lock (_images)
        {
            if (_redirects.TryGetValue(name, out var location))
            {
                context.Response.Redirect(location);
                return;
            }

            if (!_images.TryGetValue(name, out image))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        await Task.Delay(image.Delay, context.RequestAborted);
        context.Response.ContentType = "image/jpeg";
        await context.Response.Body.WriteAsync(image.Bytes, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
