using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Admin;

/// <summary>
/// Decides who may run an admin command: the token must match (see <see cref="AdminTokens"/>) and, when <c>admin_user_ids</c> is set, the sender must be in it. Five failures within an hour lock the
/// sender out for an hour. The caller answers every refusal alike, so a guesser learns nothing.
/// </summary>
internal sealed class AdminGate(IAdminStore store, AdminTokens tokens, IOptions<AdminOptions> options)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutWindow = TimeSpan.FromHours(1);

    public async Task<AdminVerdict> JudgeAsync(string senderId, string token, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await store.IsLockedOutAsync(senderId, at, cancellationToken))
        {
            return AdminVerdict.LockedOut;
        }

        var (expected, _) = await tokens.InForceAsync(cancellationToken);
        var admins = options.Value.AdminFollowerIdSet;
        if (!string.IsNullOrEmpty(expected) && SameSecret(token, expected) && (admins.Count == 0 || admins.Contains(senderId)))
        {
            return AdminVerdict.Admitted;
        }

        await store.RecordFailureAsync(senderId, at, MaxFailures, LockoutWindow, cancellationToken);
        return AdminVerdict.Refused;
    }

    /// <summary>Compares hashes, which have a fixed length, so the time taken says nothing about the token's length either.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
