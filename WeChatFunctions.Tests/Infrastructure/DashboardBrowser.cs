using System.Net;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>Opens the dashboard the way a browser does: the link, then the page with the cookie the link set.</summary>
internal sealed partial class DashboardBrowser(HttpClient http, string client)
{
    public string? Cookie { get; private set; }

    public static string CodeIn(string reply) => LinkCode().Match(reply).Groups["code"].Value;

    /// <summary>The link of the command's reply, on its second line.</summary>
    public static string LinkIn(string reply) => reply.Split('\n')[1].Trim();

    /// <summary>Opens the one-time link from the command's reply, keeping the session cookie it sets.</summary>
    public async Task<HttpResponseMessage> OpenLinkAsync(string code)
    {
        var response = await GetAsync("/api/dashboard?code=" + Uri.EscapeDataString(code));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            Cookie = cookies.Single();
        }

        return response;
    }

    public Task<HttpResponseMessage> OpenAsync(string path = "/api/dashboard") => GetAsync(path);

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie.Split(';')[0]);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The body rows of the page's table <paramref name="id"/>, as the server rendered them.</summary>
    public static string Rows(string html, string id)
    {
        var start = html.IndexOf("<tbody>", html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal), StringComparison.Ordinal) + "<tbody>".Length;
        return html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

    public static HttpStatusCode StatusOf(HttpResponseMessage response) => response.StatusCode;

    [GeneratedRegex(@"/api/dashboard\?code=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkCode();
}
