namespace WeChatFunctions.Settings;

/// <summary>What a setting that names a web endpoint must at least be.</summary>
internal static class WebAddresses
{
    /// <summary>An absolute http or https URL.</summary>
    public static bool IsWebAddress(this Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
