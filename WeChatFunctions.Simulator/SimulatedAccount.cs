namespace WeChatFunctions.Simulator;

/// <summary>The account as configured in the WeChat admin console: server URL, Token, and for compat or safe mode the AppID and key.</summary>
/// <param name="AccountId">The account's original id (gh_…), which replies must come from.</param>
public sealed record SimulatedAccount(Uri Url, string Token, string AccountId, WeChatCipher? Cipher = null, bool CompatMode = false)
{
    public string Mode => Cipher is null ? "明文模式" : CompatMode ? "兼容模式" : "安全模式";
}
