using System.Security.Cryptography;
using System.Text;

namespace WeChatFunctions.Simulator;

/// <summary>
/// WeChat's side of compat and safe mode, written independently of the app's <c>MessageCrypto</c> (through
/// <see cref="ICryptoTransform"/> rather than the one-shot CBC calls) so that a shared mistake cannot hide; both are
/// pinned to the official vectors. It can also build what WeChat never sends: bad padding, another AppId.
/// </summary>
public sealed class WeChatCipher(string encodingAesKey, string appId)
{
    private readonly byte[] _key = Convert.FromBase64String(encodingAesKey + "=");

    public string EncodingAesKey => encodingAesKey;

    public string AppId => appId;

    public string Encrypt(string message, byte[]? random = null, string? asAppId = null, int? paddingByte = null)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var plain = new List<byte>(random ?? RandomNumberGenerator.GetBytes(16));
        plain.AddRange([(byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length]);
        plain.AddRange(body);
        plain.AddRange(Encoding.UTF8.GetBytes(asAppId ?? appId));
        var padding = 32 - (plain.Count % 32);
        plain.AddRange(Enumerable.Repeat((byte)(paddingByte ?? padding), padding));
        return Convert.ToBase64String(Transform(plain.ToArray(), encrypt: true));
    }

    public string Decrypt(string encrypted)
    {
        var plain = Transform(Convert.FromBase64String(encrypted), encrypt: false);
        var padding = plain[^1];
        var length = (plain[16] << 24) | (plain[17] << 16) | (plain[18] << 8) | plain[19];
        if (padding is < 1 or > 32 || Encoding.UTF8.GetString(plain, 20 + length, plain.Length - padding - 20 - length) != appId)
        {
            throw new InvalidDataException("WeChat would fault on this reply: its padding or AppId is wrong.");
        }

        return Encoding.UTF8.GetString(plain, 20, length);
    }

    private byte[] Transform(byte[] input, bool encrypt)
    {
        using var aes = Aes.Create();
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        using var transform = encrypt ? aes.CreateEncryptor(_key, _key[..16]) : aes.CreateDecryptor(_key, _key[..16]);
        return transform.TransformFinalBlock(input, 0, input.Length);
    }
}
