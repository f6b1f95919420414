using Microsoft.Extensions.Options;
using WeChatFunctions.Redaction;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Admin;

/// <summary>
/// Both admin tokens are secrets to keep from the model: the <c>token</c> setting and a <c>set_token</c> override,
/// whether or not the override is still in force.
/// </summary>
internal sealed class AdminSecrets(IAdminStore store, IOptions<AdminOptions> options) : ISecretSource
{
    public async Task<IReadOnlyList<string>> GetSecretsAsync(CancellationToken cancellationToken)
    {
        var setting = options.Value.Token;
        var stored = (await store.GetTokenAsync(cancellationToken))?.Token;
        return [.. new[] { setting, stored }.OfType<string>().Where(token => token.Length > 0)];
    }
}
