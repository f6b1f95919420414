using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Redaction;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Admin;

/// <summary>
/// Which admin token is in force: the one set by <c>set_token</c>, but only while the <c>token</c> setting is the one
/// it was set under. An operator who changes the setting after a leak revokes whatever an intruder set.
/// </summary>
internal sealed class AdminTokens(IAdminStore store, TextRedaction redaction, IOptions<AdminOptions> options)
{
    /// <returns>The token in force, or <see langword="null"/> when admin commands are off; and whether set_token set it.</returns>
    public async Task<(string? Token, bool IsOverride)> InForceAsync(CancellationToken cancellationToken)
    {
        var setting = options.Value.Token;
        return await store.GetTokenAsync(cancellationToken) is { } set && set.SettingFingerprint == Fingerprint(setting)
            ? (set.Token, true)
            : (string.IsNullOrEmpty(setting) ? null : setting, false);
    }

    public async Task ReplaceAsync(string token, CancellationToken cancellationToken)
    {
        await store.SetTokenAsync(new AdminTokenOverride(token, Fingerprint(options.Value.Token)), cancellationToken);
        redaction.Forget();
    }

    /// <summary>A hash, so that the stored row does not hold the setting itself.</summary>
    private static string Fingerprint(string? setting) =>
        string.IsNullOrEmpty(setting) ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(setting)));
}
