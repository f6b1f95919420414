using WeChatFunctions.Memory;

namespace WeChatFunctions.Dialog;

/// <summary>What is kept of a follower across conversations and read before each answer: their preferences and the facts remembered about them.</summary>
/// <param name="Facts">Oldest first.</param>
internal sealed record FollowerProfile(FollowerPreferences Preferences, IReadOnlyList<RememberedFact> Facts)
{
    public static readonly FollowerProfile Empty = new(FollowerPreferences.Defaults, []);
}
