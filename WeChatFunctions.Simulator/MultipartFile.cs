using System.Text;

namespace WeChatFunctions.Simulator;

/// <summary>The one file of a <c>multipart/form-data</c> body, as WeChat's <c>media/upload</c> reads it.</summary>
public sealed record MultipartFile(string FileName, string ContentType, byte[] Content)
{
    public static MultipartFile? Read(string? contentType, byte[] body, string field)
    {
        var boundary = contentType?.Split(';').Select(part => part.Trim()).FirstOrDefault(part => part.StartsWith("boundary=", StringComparison.Ordinal))?["boundary=".Length..].Trim('"');
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        for (var start = IndexOf(body, delimiter, 0); start >= 0;)
        {
            var headersStart = start + delimiter.Length + 2;
            var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), headersStart);
            var next = headersEnd < 0 ? -1 : IndexOf(body, Encoding.ASCII.GetBytes("\r\n--" + boundary), headersEnd);
            if (next < 0)
            {
                return null;
            }

            var headers = Encoding.UTF8.GetString(body, headersStart, headersEnd - headersStart);
            if (headers.Contains($"name={field}", StringComparison.Ordinal) || headers.Contains($"name=\"{field}\"", StringComparison.Ordinal))
            {
                return new MultipartFile(Header(headers, "filename") ?? "", HeaderLine(headers, "Content-Type") ?? "application/octet-stream", body[(headersEnd + 4)..next]);
            }

            start = next + 2;
        }

        return null;
    }

    private static string? Header(string headers, string parameter)
    {
        var at = headers.IndexOf(parameter + "=", StringComparison.Ordinal);
        return at < 0 ? null : headers[(at + parameter.Length + 1)..].Split(';', '\r')[0].Trim().Trim('"');
    }

    private static string? HeaderLine(string headers, string name) =>
        headers.Split("\r\n").FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        from > haystack.Length ? -1 : haystack.AsSpan(from).IndexOf(needle) is var at and >= 0 ? from + at : -1;
}
