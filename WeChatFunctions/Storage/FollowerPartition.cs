using Azure.Data.Tables;
using WeChatFunctions.Dialog;
using WeChatFunctions.Links;

namespace WeChatFunctions.Storage;

/// <summary>
/// The follower's single rows every prompt needs: the profile (preferences and remembered facts) and the article they
/// shared lately, so that looking for that article costs a question no storage call of its own.
/// </summary>
internal sealed record FollowerPartition(FollowerProfile Profile, SharedLink? Link)
{
    public static readonly FollowerPartition Empty = new(FollowerProfile.Empty, null);

    /// <summary>Whether the row is one of its rows.</summary>
    public static bool Holds(string rowKey) => rowKey is PreferencesEntity.Row or MemoryRow.Key or SharedLinkEntity.Row;

    /// <summary>This with <paramref name="row"/> read into it, if it is one of its rows.</summary>
    public FollowerPartition With(TableEntity row) => row.RowKey switch
    {
        PreferencesEntity.Row => this with { Profile = Profile with { Preferences = PreferencesEntity.Read(row) } },
        MemoryRow.Key => this with { Profile = Profile with { Facts = MemoryRow.Read(row) } },
        SharedLinkEntity.Row => this with { Link = SharedLinkEntity.Read(row) },
        _ => this,
    };
}
