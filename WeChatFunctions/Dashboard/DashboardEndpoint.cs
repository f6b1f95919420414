using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// Serves the dashboard: a one-time code is exchanged for a session cookie (HttpOnly, Secure, SameSite=Strict), a
/// session sees the page, anyone else is told how to get a link. Every response forbids framing, caching and
/// referrers, and allows only the app's own stylesheets and scripts.
/// </summary>
internal sealed class DashboardEndpoint(DashboardAccess access, DashboardPage page, ClientAddresses clients, IOptions<DashboardOptions> options)
{
    public const string SessionCookie = "wechat_dashboard";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        if (!options.Value.Enabled)
        {
            return Results.NotFound();
        }

        var cancellationToken = context.RequestAborted;
        if (context.Request.RouteValues["asset"] is string asset && asset.Length > 0)
        {
            return DashboardAssets.Serve(asset) ?? Results.NotFound();
        }

        if (context.Request.Query.TryGetValue("code", out var code))
        {
            var (state, session, lockedOut) = await access.RedeemAsync(code.ToString(), clients.Of(context), cancellationToken);
            if (session is null)
            {
                return Html(StatusCodes.Status403Forbidden, DashboardPage.Notice(DashboardTexts.Refused(state, lockedOut)));
            }

            context.Response.Cookies.Append(SessionCookie, session, new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Strict,
                Path = DashboardFunction.Path,
                MaxAge = DashboardAccess.SessionLifetime,
            });
            // A page of our own moves on, rather than a redirect: a strict cookie set on a navigation from another
            // site (WeChat's chat) is not sent on that navigation's redirect, but is on a navigation from this page.
            return Html(StatusCodes.Status200OK, DashboardPage.Entering(DashboardFunction.Path));
        }

        if (!await access.IsSignedInAsync(context.Request.Cookies[SessionCookie], cancellationToken))
        {
            return Html(StatusCodes.Status401Unauthorized, DashboardPage.Notice(DashboardTexts.SignInNeeded));
        }

        var days = context.Request.Query["days"].ToString() switch { "30" => 30, "90" => 90, _ => 7 };
        return Html(StatusCodes.Status200OK, await page.RenderAsync(days, cancellationToken));
    }

    private static IResult Html(int status, string html) => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
