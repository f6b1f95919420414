using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using WeChatFunctions.Admin;
using WeChatFunctions.Settings;
using WeChatFunctions.Text;

namespace WeChatFunctions.Dashboard;

/// <summary>
/// The only way into the dashboard: an admin's <c>dashboard</c> command issues a random single-use code, valid for
/// <c>dashboard_link_minutes</c>; opening the link exchanges it for a session of <see cref="SessionLifetime"/>. An
/// unknown code counts as a failed admin command from that client, so five guesses in an hour lock it out for an hour.
/// </summary>
internal sealed class DashboardAccess(IDashboardAccessStore store, IAdminStore admins, IOptions<DashboardOptions> options, TimeProvider timeProvider)
{
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    /// <returns>A new code, and when it expires.</returns>
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueCodeAsync(CancellationToken cancellationToken)
    {
        var code = NewSecret();
        var expiresAt = timeProvider.GetUtcNow().AddMinutes(options.Value.LinkMinutes);
        await store.SaveCodeAsync(HashOf(code), expiresAt, cancellationToken);
        return (code, expiresAt);
    }

    /// <param name="client">Who is trying, for the lockout: the client's address.</param>
    /// <returns>How the code stood, and for a valid one the new session.</returns>
    public async Task<(CodeState State, string? Session, bool LockedOut)> RedeemAsync(string code, string client, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lockoutKey = "dashboard:" + client;
        if (await admins.IsLockedOutAsync(lockoutKey, now, cancellationToken))
        {
            return (CodeState.Unknown, null, true);
        }

        var state = code.Length is > 0 and <= 100 ? await store.TakeCodeAsync(HashOf(code), now, cancellationToken) : CodeState.Unknown;
        if (state == CodeState.Unknown)
        {
            await admins.RecordFailureAsync(lockoutKey, now, AdminGate.MaxFailures, AdminGate.LockoutWindow, cancellationToken);
            return (state, null, false);
        }

        if (state != CodeState.Valid)
        {
            return (state, null, false);
        }

        var session = NewSecret();
        await store.SaveSessionAsync(HashOf(session), now + SessionLifetime, cancellationToken);
        return (state, session, false);
    }

    public async Task<bool> IsSignedInAsync(string? session, CancellationToken cancellationToken) =>
        session is { Length: > 0 and <= 100 } && await store.FindSessionAsync(HashOf(session), cancellationToken) is { } endsAt && endsAt > timeProvider.GetUtcNow();

    private static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string HashOf(string secret) => HexDigest.Sha256(secret);

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
