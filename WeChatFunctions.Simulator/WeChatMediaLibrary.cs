using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace WeChatFunctions.Simulator;

/// <summary>
/// WeChat's temporary media as the simulator keeps it: the voices followers send, which <c>media/get</c> serves, and the
/// voices and pictures the app uploads with <c>media/upload</c> for its replies.
/// </summary>
public sealed class WeChatMediaLibrary
{
    private readonly ConcurrentDictionary<string, StoredMedia> _media = new(StringComparer.Ordinal);
    private int _downloads;

    /// <summary>Media the app uploaded, in the order it came.</summary>
    public IReadOnlyList<StoredMedia> Uploads => [.. _media.Values.Where(media => media.Uploaded).OrderBy(media => media.Number)];

    /// <summary>How many times the app fetched a follower's media.</summary>
    public int Downloads => Volatile.Read(ref _downloads);

    /// <summary>Keeps a follower's voice (or any file) for <c>media/get</c>.</summary>
    /// <returns>Its media id.</returns>
    public string Add(byte[] content, string contentType, string fileName = "voice.amr") =>
        Store(content, contentType, fileName, type: "voice", uploaded: false).MediaId;

    public StoredMedia? Find(string mediaId) => _media.GetValueOrDefault(mediaId);

    /// <summary>Serves <c>media/get</c>: the file itself, or WeChat's JSON error (40007 for an unknown id).</summary>
    public async Task ServeDownloadAsync(HttpListenerResponse response, string? mediaId)
    {
        Interlocked.Increment(ref _downloads);
        if (mediaId is null || Find(mediaId) is not { } media)
        {
            await WriteJsonAsync(response, Error(40007));
            return;
        }

        response.ContentType = media.ContentType;
        response.AddHeader("Content-Disposition", $"attachment; filename=\"{media.FileName}\"");
        await response.OutputStream.WriteAsync(media.Content);
    }

    /// <summary>Serves <c>media/upload</c>: keeps the multipart form's <c>media</c> file and answers with its id.</summary>
    public JsonObject Upload(string? type, string? contentType, byte[] body, DateTimeOffset now)
    {
        if (type is not ("image" or "voice" or "video" or "thumb") || MultipartFile.Read(contentType, body, "media") is not { } file)
        {
            return Error(40004);
        }

        var stored = Store(file.Content, file.ContentType, file.FileName, type, uploaded: true);
        return new JsonObject { ["type"] = type, ["media_id"] = stored.MediaId, ["created_at"] = now.ToUnixTimeSeconds() };
    }

    public static async Task WriteJsonAsync(HttpListenerResponse response, JsonObject answer)
    {
        response.ContentType = "application/json; charset=utf-8";
        await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()));
    }

    public static JsonObject Error(int code) => new() { ["errcode"] = code, ["errmsg"] = code == 0 ? "ok" : "simulated error" };

    private StoredMedia Store(byte[] content, string contentType, string fileName, string type, bool uploaded)
    {
        var media = new StoredMedia(Guid.NewGuid().ToString("N"), type, content, contentType, fileName, uploaded, _media.Count + 1);
        _media[media.MediaId] = media;
        return media;
    }
}

/// <summary>A temporary media file.</summary>
/// <param name="Uploaded">Whether the app uploaded it, rather than a follower sending it.</param>
public sealed record StoredMedia(string MediaId, string Type, byte[] Content, string ContentType, string FileName, bool Uploaded, int Number);
