using WeChatFunctions.Dialog;
using WeChatFunctions.Links;

namespace WeChatFunctions.Storage;

/// <summary>
/// What one query of a follower's <c>WeChatPreferences</c> partition reads: the profile every prompt needs, and the
/// article they shared lately, so that looking for that article costs a question no storage call of its own.
/// </summary>
internal sealed record FollowerPartition(FollowerProfile Profile, SharedLink? Link)
{
    public static readonly FollowerPartition Empty = new(FollowerProfile.Empty, null);
}
