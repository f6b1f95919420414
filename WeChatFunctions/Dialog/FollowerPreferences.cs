namespace WeChatFunctions.Dialog;

/// <summary>What a follower set for their own assistant; <see langword="null"/> means the account's default.</summary>
internal sealed record FollowerPreferences(string? SystemPrompt = null, string? Model = null, double? Temperature = null)
{
    public static readonly FollowerPreferences Defaults = new();
}
