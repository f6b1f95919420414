using System.Security.Cryptography;
using System.Text;

namespace WeChatFunctions.Text;

/// <summary>SHA-256 digests as lowercase hex: how the app names content, sources and secrets it keeps only the hash of.</summary>
internal static class HexDigest
{
    /// <summary>The digest of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));

    public static string Sha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
