namespace WeChatFunctions.Dialog;

/// <summary>
/// A follower's conversation history, kept between stateless invocations and shared by every instance. An exchange is
/// stored with its question's finished reply claim, in one transaction (<see cref="RememberedExchange"/>).
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// Reads the newest turns first, stopping once their token counts exceed <paramref name="tokenBudget"/> or at a
    /// <see cref="ConversationRole.SessionStart"/>, which is not returned.
    /// </summary>
    Task<IReadOnlyList<ConversationTurn>> ReadRecentAsync(string followerId, int tokenBudget, CancellationToken cancellationToken);

    /// <returns>When the follower's newest turn was stored, or <see langword="null"/> when they have none.</returns>
    Task<DateTimeOffset?> LastTurnAtAsync(string followerId, CancellationToken cancellationToken);

    /// <summary>Makes the follower's next question start a fresh conversation; earlier turns stay stored.</summary>
    Task StartSessionAsync(string followerId, CancellationToken cancellationToken);
}
