using System.Diagnostics.CodeAnalysis;

namespace WeChatFunctions.WeChat;

/// <summary>
/// The keys an encrypted push may be under: the current EncodingAESKey and, while WeChat rolls a change out, the
/// previous one. A reply goes out under the key that opened its push, which is the key WeChat expects it under.
/// </summary>
public sealed class MessageCryptoKeyring(IReadOnlyList<MessageCrypto> keys)
{
    public bool IsConfigured => keys.Count > 0;

    public bool TryDecrypt(
        string encrypted,
        [NotNullWhen(true)] out string? message,
        [NotNullWhen(true)] out MessageCrypto? key,
        [NotNullWhen(false)] out string? error)
    {
        error = null;
        foreach (var candidate in keys)
        {
            if (candidate.TryDecrypt(encrypted, out message, out var candidateError))
            {
                key = candidate;
                error = null;
                return true;
            }

            error ??= candidateError;
        }

        message = null;
        key = null;
        error ??= "no EncodingAESKey is configured";
        return false;
    }
}
