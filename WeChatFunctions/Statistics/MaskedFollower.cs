namespace WeChatFunctions.Statistics;

/// <summary>A follower as the statistics show and keep them beyond their usage rows: enough of the OpenID to tell followers apart, not to write to one.</summary>
internal static class MaskedFollower
{
    /// <returns><c>oAbCdE…wxyz</c>, or <c>****</c> for an ID too short to show any of.</returns>
    public static string Of(string openId) => openId.Length <= 10 ? "****" : $"{openId[..6]}…{openId[^4..]}";
}
