using Microsoft.Extensions.Options;
using WeChatFunctions.Admin;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// The <c>dashboard</c> command's link: <c>{public_base_url}/api/dashboard?code=…</c>. Without <c>public_base_url</c>
/// it is the app's own host in Azure (<c>WEBSITE_HOSTNAME</c>), else the scheme and host the command's request came to.
/// Only the reply's first line reaches the audit log, so the code never does.
/// </summary>
internal sealed class DashboardLinks(DashboardAccess access, IHttpContextAccessor requests, IConfiguration configuration, IOptions<DashboardOptions> options) : IDashboardLinks
{
    public async Task<string> IssueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return "管理后台已关闭（dashboard_enabled=false）。";
        }

        var (code, _) = await access.IssueCodeAsync(cancellationToken);
        var link = new Uri(BaseUri(), DashboardFunction.Path.TrimStart('/') + "?code=" + code);
        return $"管理后台链接（{options.Value.LinkMinutes} 分钟内有效，只能打开一次，请勿转发）：\n{link}";
    }

    private Uri BaseUri()
    {
        if (options.Value.PublicBaseUrl is { } configured)
        {
            return new Uri(configured.ToString().TrimEnd('/') + "/");
        }

        if (configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host)
        {
            return new Uri($"https://{host}/");
        }

        var request = requests.HttpContext?.Request;
        return request is null ? new Uri("http://localhost:7071/") : new Uri($"{request.Scheme}://{request.Host}/");
    }
}
