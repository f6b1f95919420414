using System.Security.Cryptography;
using System.Text;

namespace WeChatFunctions.WeChat;

/// <summary>
/// WeChat's request signature: the SHA-1 hex of the parts sorted ordinally and joined, as used for <c>signature</c>
/// (token, timestamp, nonce) and for <c>msg_signature</c> (the same plus Encrypt).
/// See https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html
/// </summary>
public static class Signature
{
    public static string Compute(params ReadOnlySpan<string> parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
#pragma warning disable CA5350 // WeChat's protocol defines the signature as SHA-1; it is not our choice.
        var digest = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
#pragma warning restore CA5350
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Compares in constant time, so a forger learns nothing from how long a rejection takes.</summary>
    public static bool Verify(string? signature, params ReadOnlySpan<string> parts)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
