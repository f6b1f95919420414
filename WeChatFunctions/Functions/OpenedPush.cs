using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>A push's message XML, and the key it came under when it was encrypted, which its reply must go back under.</summary>
internal sealed record OpenedPush(ReadOnlyMemory<byte> MessageXml, MessageCrypto? Key)
{
    /// <returns>
    /// The push opened, or how it is refused: a bare status, as the envelope is read before it is authenticated. The
    /// log line says why.
    /// </returns>
    public static (OpenedPush? Push, IResult? Refusal) Open(
        WeChatRequest query, ReadOnlyMemory<byte> body, string token, MessageCryptoKeyring keyring, ILogger logger)
    {
        if (!query.IsEncrypted)
        {
            return (new OpenedPush(body, Key: null), null);
        }

        if (!keyring.IsConfigured)
        {
            WeChatLog.EncryptedPushWithoutKey(logger);
            return (null, Results.BadRequest());
        }

        if (!EncryptedPush.TryReadEncrypt(body, out var encrypt, out var error))
        {
            WeChatLog.MalformedPush(logger, error);
            return (null, Results.BadRequest());
        }

        if (!query.IsMessageSignedWith(token, encrypt))
        {
            WeChatLog.BadSignature(logger, HttpMethods.Post);
            return (null, Results.Unauthorized());
        }

        if (!keyring.TryDecrypt(encrypt, out var message, out var key, out error))
        {
            // Every failure looks the same from outside, so that a prober learns nothing about padding or AppId.
            WeChatLog.UndecryptablePush(logger, error);
            return (null, Results.BadRequest());
        }

        return (new OpenedPush(Encoding.UTF8.GetBytes(message), key), null);
    }

    /// <summary>The reply as sent: encrypted under the push's key when the push was encrypted.</summary>
    public string Seal(string replyXml, WeChatRequest query, string token, DateTimeOffset now) =>
        Key is null
            ? replyXml
            : EncryptedPush.Seal(replyXml, Key, token, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), query.Nonce, RandomNumberGenerator.GetBytes(16));
}
