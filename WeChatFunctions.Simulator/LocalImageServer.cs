using System.Net;

namespace WeChatFunctions.Simulator;

/// <summary>
/// Serves local image files over loopback HTTP, so that an image message can carry a PicUrl as WeChat's would. Only
/// useful against an app on the same machine; for a deployed app, pass an image URL instead.
/// </summary>
public sealed class LocalImageServer : LoopbackHttpServer
{
    private readonly Dictionary<string, string> _files = [];

    public LocalImageServer()
    {
        Start();
    }

    public Uri Serve(string path)
    {
        var name = Guid.NewGuid().ToString("N") + Path.GetExtension(path);
        lock (_files)
        {
            _files[name] = Path.GetFullPath(path);
        }

        return new Uri(BaseAddress, name);
    }

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        string? path;
        lock (_files)
        {
            _files.TryGetValue(context.Request.Url?.AbsolutePath.TrimStart('/') ?? "", out path);
        }

        using var response = context.Response;
        if (path is null || !File.Exists(path))
        {
            response.StatusCode = (int)HttpStatusCode.NotFound;
            return;
        }

        response.ContentType = "image/" + Path.GetExtension(path).TrimStart('.').ToLowerInvariant().Replace("jpg", "jpeg", StringComparison.Ordinal);
        await using var file = File.OpenRead(path);
        response.ContentLength64 = file.Length;
        await file.CopyToAsync(response.OutputStream);
    }
}
