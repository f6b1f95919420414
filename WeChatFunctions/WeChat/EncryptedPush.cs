using System.Diagnostics.CodeAnalysis;

namespace WeChatFunctions.WeChat;

/// <summary>
/// The envelope of compat and safe mode. Safe mode sends <c>ToUserName</c> and <c>Encrypt</c>; compat mode sends the
/// plain fields as well, which are ignored here because only <c>Encrypt</c> is covered by <c>msg_signature</c>. The
/// reply goes back as <c>Encrypt</c>, <c>MsgSignature</c>, <c>TimeStamp</c> and <c>Nonce</c>.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
/// </summary>
public static class EncryptedPush
{
    /// <summary>Takes the <c>Encrypt</c> element in one streaming pass; nothing else is parsed before <c>msg_signature</c> is checked.</summary>
    public static bool TryReadEncrypt(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out string? encrypt, [NotNullWhen(false)] out string? error)
    {
        if (SafeXml.TryReadChild(body, "Encrypt", out var value, out error) && value.Trim() is { Length: > 0 } trimmed)
        {
            encrypt = trimmed;
            return true;
        }

        encrypt = null;
        error ??= "an encrypted push has an empty Encrypt element";
        return false;
    }

    /// <param name="random">16 random bytes for the cipher's prefix.</param>
    public static string Seal(string replyXml, MessageCrypto key, string token, string timestamp, string nonce, ReadOnlySpan<byte> random)
    {
        var encrypt = key.Encrypt(replyXml, random);
        return ReplyXml.Encrypted(encrypt, Signature.Compute(token, timestamp, nonce, encrypt), timestamp, nonce);
    }
}
