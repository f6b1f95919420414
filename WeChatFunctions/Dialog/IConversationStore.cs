namespace WeChatFunctions.Dialog;

/// <summary>A follower's conversation history, kept between stateless invocations and shared by every instance.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Reads the newest turns first, stopping once their token counts exceed <paramref name="tokenBudget"/> or at a
    /// <see cref="ConversationRole.SessionStart"/>, which is not returned.
    /// </summary>
    Task<IReadOnlyList<ConversationTurn>> ReadRecentAsync(string followerId, int tokenBudget, CancellationToken cancellationToken);

    /// <summary>Appends a question and its answer together, so history never holds one without the other.</summary>
    /// <returns>When the follower's newest turn was stored, or <see langword="null"/> when they have none.</returns>
    Task<DateTimeOffset?> LastTurnAtAsync(string followerId, CancellationToken cancellationToken);

    /// <summary>Makes the follower's next question start a fresh conversation; earlier turns stay stored.</summary>
    Task StartSessionAsync(string followerId, CancellationToken cancellationToken);

    Task AppendExchangeAsync(string followerId, ConversationTurn question, ConversationTurn answer, CancellationToken cancellationToken);
}
