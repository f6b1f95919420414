using Azure.Core;
using Azure.Identity;

namespace WeChatFunctions.Settings;

/// <summary>
/// Application Insights as the Functions platform configures it: <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, and
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>ClientId=…;Authorization=AAD</c>) when the resource has local
/// authentication off and the app must sign in with its managed identity.
/// See https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
/// </summary>
internal sealed record TelemetrySettings(string? ConnectionString, bool UsesEntraId, string? ClientId)
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static TelemetrySettings From(IConfiguration configuration)
    {
        var parts = (configuration[AuthenticationStringSetting] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return new TelemetrySettings(
            configuration[ConnectionStringSetting] is { Length: > 0 } connectionString ? connectionString : null,
            parts.TryGetValue("Authorization", out var authorization) && authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase),
            parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0 ? clientId : null);
    }

    /// <summary>The managed identity named by the authentication string, or none when the connection string's key suffices.</summary>
    public TokenCredential? Credential() =>
        !UsesEntraId ? null
        : ClientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));
}
