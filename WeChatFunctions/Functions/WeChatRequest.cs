using WeChatFunctions.WeChat;

namespace WeChatFunctions.Functions;

/// <summary>The signed query WeChat adds to every request it makes to the server URL.</summary>
internal sealed record WeChatRequest(string? Signature, string Timestamp, string Nonce)
{
    public static WeChatRequest From(IQueryCollection query) =>
        new(query["signature"], query["timestamp"].ToString(), query["nonce"].ToString());

    public bool IsSignedWith(string token) =>
        Timestamp.Length > 0 && Nonce.Length > 0 && WeChat.Signature.Verify(Signature, token, Timestamp, Nonce);
}
