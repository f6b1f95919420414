namespace WeChatFunctions.Admin;

/// <summary>A token set by <c>set_token</c>, and a fingerprint of the <c>token</c> setting it was set under.</summary>
internal sealed record AdminTokenOverride(string Token, string SettingFingerprint);
