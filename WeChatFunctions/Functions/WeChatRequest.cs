using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>
/// The signed query WeChat adds to every request it makes to the server URL. In compat and safe mode a push also
/// carries <c>encrypt_type=aes</c> and <c>msg_signature</c>, which covers the ciphertext as well.
/// </summary>
internal sealed record WeChatRequest(string? Signature, string Timestamp, string Nonce, string? EncryptType, string? MessageSignature)
{
    public static WeChatRequest From(IQueryCollection query) =>
        new(query["signature"], query["timestamp"].ToString(), query["nonce"].ToString(), query["encrypt_type"], query["msg_signature"]);

    public bool IsEncrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);

    public bool IsSignedWith(string token) =>
        HasStamp && WeChat.Signature.Verify(Signature, token, Timestamp, Nonce);

    public bool IsMessageSignedWith(string token, string encrypt) =>
        HasStamp && WeChat.Signature.Verify(MessageSignature, token, Timestamp, Nonce, encrypt);

    /// <summary>Whether the timestamp is within <paramref name="maxSkew"/> of <paramref name="now"/>; a zero skew accepts any.</summary>
    public bool IsFreshAt(DateTimeOffset now, TimeSpan maxSkew) =>
        maxSkew == TimeSpan.Zero
        || (long.TryParse(Timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= maxSkew.TotalSeconds);

    /// <summary>Whether the nonce looks like WeChat's: it is echoed in encrypted replies, so nothing else may pass.</summary>
    public bool HasWeChatNonce => Nonce.Length is > 0 and <= 32 && Nonce.All(char.IsAsciiLetterOrDigit);

    private bool HasStamp => Timestamp.Length > 0 && Nonce.Length > 0;
}
