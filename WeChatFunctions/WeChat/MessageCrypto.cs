using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace WeChatFunctions.WeChat;

/// <summary>
/// WeChat's message encryption (WXBizMsgCrypt) for compat and safe mode: AES-256-CBC keyed by the EncodingAESKey, the
/// IV being the key's first 16 bytes, over <c>random(16) | length(4, big-endian) | message | AppId</c>, padded PKCS#7
/// style to a multiple of 32 bytes (not AES's 16), which is why the padding is done here rather than by .NET.
/// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
/// </summary>
public sealed class MessageCrypto
{
    public const int EncodingAesKeyLength = 43;

    private const int PaddingBlock = 32;
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + sizeof(int);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _key;
    private readonly string _appId;

    public MessageCrypto(string encodingAesKey, string appId)
    {
        _key = TryDecodeKey(encodingAesKey) ?? throw new ArgumentException("An EncodingAESKey is 43 base64 characters.", nameof(encodingAesKey));
        _appId = appId;
    }

    public static bool IsValidEncodingAesKey(string? encodingAesKey) => TryDecodeKey(encodingAesKey) is not null;

    /// <param name="random">16 random bytes; a parameter so that the official vectors can be reproduced exactly.</param>
    /// <returns>The base64 text of WeChat's <c>Encrypt</c> element.</returns>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix is {RandomLength} bytes.", nameof(random));
        }

        var messageBytes = StrictUtf8.GetBytes(message);
        var appIdBytes = StrictUtf8.GetBytes(_appId);
        var length = HeaderLength + messageBytes.Length + appIdBytes.Length;
        var padding = PaddingBlock - (length % PaddingBlock);
        var plain = new byte[length + padding];
        random.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), messageBytes.Length);
        messageBytes.CopyTo(plain, HeaderLength);
        appIdBytes.CopyTo(plain, HeaderLength + messageBytes.Length);
        plain.AsSpan(length).Fill((byte)padding);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, RandomLength), PaddingMode.None));
    }

    /// <summary>Decrypts and checks everything the format allows: whole blocks, the padding, the length prefix, the AppId.</summary>
    public bool TryDecrypt(string encrypted, [NotNullWhen(true)] out string? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        var cipher = new byte[encrypted.Length];
        if (!Convert.TryFromBase64String(encrypted, cipher, out var cipherLength))
        {
            error = "Encrypt is not valid base64";
            return false;
        }

        if (cipherLength == 0 || cipherLength % PaddingBlock != 0)
        {
            error = $"Encrypt is {cipherLength} bytes, not a whole number of {PaddingBlock}-byte blocks";
            return false;
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher.AsSpan(0, cipherLength), _key.AsSpan(0, RandomLength), PaddingMode.None);
        error = Unwrap(plain, out var messageBytes, out var appIdBytes);
        if (error is not null)
        {
            return false;
        }

        if (!appIdBytes.SequenceEqual(StrictUtf8.GetBytes(_appId)))
        {
            error = "the message is for another AppId";
            return false;
        }

        try
        {
            message = StrictUtf8.GetString(messageBytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = "the message is not valid UTF-8";
            return false;
        }
    }

    private static string? Unwrap(ReadOnlySpan<byte> plain, out ReadOnlySpan<byte> message, out ReadOnlySpan<byte> appId)
    {
        message = appId = default;
        var padding = plain[^1];
        if (padding is < 1 or > PaddingBlock || plain[^padding..].ContainsAnyExcept(padding))
        {
            return "the padding is invalid";
        }

        var content = plain[..^padding];
        if (content.Length < HeaderLength)
        {
            return "the plaintext is too short";
        }

        var messageLength = BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..]);
        if (messageLength < 0 || messageLength > content.Length - HeaderLength)
        {
            return "the length prefix is out of range";
        }

        message = content.Slice(HeaderLength, messageLength);
        appId = content[(HeaderLength + messageLength)..];
        return null;
    }

    private static byte[]? TryDecodeKey(string? encodingAesKey)
    {
        var key = new byte[32];
        return encodingAesKey is { Length: EncodingAesKeyLength }
            && Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == key.Length
            ? key
            : null;
    }
}
