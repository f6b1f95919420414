using Microsoft.Extensions.Configuration;

namespace WeChatFunctions.Settings;

/// <summary>Whether endpoints that are sent secrets may be plain http beyond loopback (see <see cref="SecureEndpoints"/>).</summary>
public sealed class EndpointSecurityOptions
{
    [ConfigurationKeyName(SecureEndpoints.OverrideSetting)]
    public bool AllowInsecure { get; set; }
}
