using System.Security.Cryptography;
using System.Text;

namespace WeChatFunctions.Simulator;

/// <summary>
/// WeChat's side of the signature, written independently of the app's so a shared mistake cannot hide; both are
/// pinned to the official vectors.
/// </summary>
public static class WeChatSigner
{
    public static string Sign(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
#pragma warning disable CA5350 // The protocol's algorithm.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("", sorted))));
#pragma warning restore CA5350
    }
}
