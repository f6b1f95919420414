using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// Opens the dashboard the way a browser does: the link, then the page with the cookie the link set. It connects from
/// its own loopback address (all of 127.0.0.0/8 is this machine), so that the app tells browsers apart as it would
/// tell clients apart on the internet.
/// </summary>
internal sealed partial class DashboardBrowser(WeChatApplication application, string loopbackAddress)
{
    private readonly HttpClient _http = ConnectFrom(application.ServerAddress, IPAddress.Parse(loopbackAddress));

    public string? Cookie { get; private set; }

    /// <summary>What each request says in X-Forwarded-For; none when <see langword="null"/>.</summary>
    public string? ForwardedFor { get; set; }

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
        if (ForwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        }

        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie.Split(';')[0]);
        }

        return await _http.SendAsync(request);
    }

    /// <summary>The body rows of the page's table <paramref name="id"/>, as the server rendered them.</summary>
    public static string Rows(string html, string id)
    {
        var start = html.IndexOf("<tbody>", html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal), StringComparison.Ordinal) + "<tbody>".Length;
        return html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

    public static HttpStatusCode StatusOf(HttpResponseMessage response) => response.StatusCode;

    /// <summary>A client whose connections leave from <paramref name="local"/>; the test process ends with it, so it is not disposed.</summary>
    private static HttpClient ConnectFrom(Uri server, IPAddress local) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server };

    [GeneratedRegex(@"/api/dashboard\?code=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkCode();
}
