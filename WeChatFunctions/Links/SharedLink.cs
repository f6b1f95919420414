using WeChatFunctions.WeChat;

namespace WeChatFunctions.Links;

/// <summary>
/// An article a follower shared (a link message), kept in their partition so that the answer to it, and to their next
/// questions for a while, can read it again: on another instance that takes the answer over too.
/// </summary>
/// <param name="Url">As the follower's client sent it; read only through the guarded fetch client.</param>
/// <param name="Title">The title WeChat sent with the link, written by the page or the sharer.</param>
/// <param name="Description">WeChat's summary of the article, written by the page or the sharer.</param>
/// <param name="SharedAt">The message's CreateTime: WeChat's, and the same on every retry of it.</param>
internal sealed record SharedLink(string Url, string Title, string Description, DateTimeOffset SharedAt)
{
    /// <summary>A question later than this after the link is taken to be about something else.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Far beyond what WeChat sends, and well inside a table property's 32 K characters.</summary>
    private const int MaxUrlCharacters = 4096;

    private const int MaxTitleCharacters = 512;

    private const int MaxDescriptionCharacters = 4096;

    public static SharedLink Of(LinkMessage message) => new(
        Cut(message.Url, MaxUrlCharacters),
        Cut(message.Title, MaxTitleCharacters),
        Cut(message.Description, MaxDescriptionCharacters),
        DateTimeOffset.FromUnixTimeSeconds(message.CreateTime));

    public bool IsFreshAt(DateTimeOffset moment) => moment - SharedAt <= Lifetime;

    private static string Cut(string text, int maxCharacters) => text.Length <= maxCharacters ? text : text[..maxCharacters];
}
