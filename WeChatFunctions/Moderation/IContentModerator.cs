namespace WeChatFunctions.Moderation;

/// <summary>Decides whether a text may be sent to the model or to a follower.</summary>
internal interface IContentModerator
{
    /// <returns>Whether the text must be blocked.</returns>
    /// <exception cref="Exception">The moderation service could not be reached or failed; the caller blocks nothing unchecked.</exception>
    Task<bool> IsBlockedAsync(string text, CancellationToken cancellationToken);
}
