using System.Net;

namespace WeChatFunctions.Settings;

/// <summary>
/// An endpoint that is sent a key or a token must be https, so that no one on the path reads it; loopback may be http,
/// as the traffic never leaves the machine, and <c>allow_insecure_endpoints=true</c> permits http anywhere, for tests
/// and the local simulator. Every setting that names such an endpoint is checked through <see cref="Problem"/>.
/// </summary>
internal static class SecureEndpoints
{
    public const string OverrideSetting = "allow_insecure_endpoints";

    /// <returns>The one line that refuses <paramref name="setting"/>, or <see langword="null"/> when it may be used.</returns>
    public static string? Problem(string setting, Uri? endpoint, bool allowInsecure)
    {
        if (endpoint is null || !endpoint.IsAbsoluteUri || endpoint.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        return endpoint.Scheme == Uri.UriSchemeHttp && (allowInsecure || IsLoopback(endpoint))
            ? null
            : $"Setting '{setting}' must be an https URL (it is sent a key or a token); http is allowed only for localhost, 127.0.0.0/8 and ::1, or with {OverrideSetting}=true.";
    }

    public static bool IsLoopback(Uri endpoint) =>
        endpoint.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(endpoint.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}
