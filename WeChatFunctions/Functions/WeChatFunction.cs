using Microsoft.Azure.Functions.Worker;

namespace WeChatFunctions.Functions;

/// <summary>
/// The <c>wechat</c> HTTP function at <c>/api/wechat</c>, the server URL entered in WeChat's developer console.
/// Anonymous, because WeChat signs its requests instead of sending a function key; the endpoint checks the signature.
/// </summary>
internal sealed class WeChatFunction(WeChatEndpoint endpoint)
{
    public const string Name = "wechat";

    /// <summary>The route under the host's <c>api</c> prefix (host.json), where standalone serves it too.</summary>
    public const string Path = "/api/" + Name;

    [Function(Name)]
    public Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Name)] HttpRequest request) =>
        endpoint.HandleAsync(request.HttpContext);
}
