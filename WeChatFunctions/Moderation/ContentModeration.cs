using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Moderation;

/// <summary>
/// Checks a question before it reaches the model and an answer before it reaches the follower. A moderator that
/// fails counts as not passing: with moderation on, nothing unchecked is sent.
/// </summary>
internal sealed class ContentModeration(IContentModerator moderator, IOptions<ModerationOptions> options, ILogger<ContentModeration> logger)
{
    public bool IsOn => options.Value.IsOn;

    public async Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken)
    {
        if (!IsOn)
        {
            return ModerationVerdict.Passed;
        }

        try
        {
            return await moderator.IsBlockedAsync(text, cancellationToken) ? ModerationVerdict.Blocked : ModerationVerdict.Passed;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            ModerationLog.ModeratorFailed(logger, options.Value.Mode, exception);
            return ModerationVerdict.Unavailable;
        }
    }
}

internal enum ModerationVerdict
{
    Passed,
    Blocked,
    Unavailable,
}
