using WeChatFunctions.Limits;

namespace WeChatFunctions.Storage;

/// <summary>Placeholder while the switch is written: every day in the follower table.</summary>
internal sealed class TableUsageLayout : IUsageLayout
{
    public Task<string> FollowerTableFromAsync(CancellationToken cancellationToken) => Task.FromResult("00000000");
}
