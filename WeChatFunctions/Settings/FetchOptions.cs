using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Which URLs from outside (a follower's PicUrl) the app may fetch.</summary>
public sealed class FetchOptions
{
    public const string DefaultImageUrlHosts = "*.qpic.cn,*.qlogo.cn";

    /// <summary>The hosts a PicUrl may point at: WeChat's media hosts, <c>*.example.com</c> patterns, or <c>*</c> for any.</summary>
    [ConfigurationKeyName("image_url_hosts")]
    public string ImageUrlHosts { get; set; } = DefaultImageUrlHosts;

    /// <summary>Lets fetches reach loopback, link-local and private addresses: for tests and local runs only.</summary>
    [ConfigurationKeyName("allow_private_network_fetch")]
    public bool AllowPrivateNetworkFetch { get; set; }

    public IReadOnlySet<string> ImageUrlHostSet => CommaSeparated.Parse(string.IsNullOrWhiteSpace(ImageUrlHosts) ? DefaultImageUrlHosts : ImageUrlHosts);
}
