using Microsoft.Azure.Functions.Worker;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// The <c>dashboard</c> HTTP function at <c>/api/dashboard</c>, and its stylesheet below it. Anonymous: the one-time
/// code and the session cookie are checked by the endpoint. Not <c>/api/admin</c>: the Functions host refuses routes
/// that start with <c>admin</c>, which it keeps for its own admin API.
/// </summary>
internal sealed class DashboardFunction(DashboardEndpoint endpoint)
{
    public const string Name = "dashboard";

    public const string Path = "/api/" + Name;

    [Function(Name)]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Name + "/{*asset}")] HttpRequest request) =>
        endpoint.HandleAsync(request.HttpContext);
}
