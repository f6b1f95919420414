namespace WeChatFunctions.Conversations;

/// <summary>A follower's conversation history, kept between stateless invocations and shared by every instance.</summary>
public interface IConversationStore
{
    /// <summary>Reads the newest turns first, stopping once their token counts exceed <paramref name="tokenBudget"/>.</summary>
    Task<IReadOnlyList<ConversationTurn>> ReadRecentAsync(string followerId, int tokenBudget, CancellationToken cancellationToken);

    /// <summary>Appends a question and its answer together, so history never holds one without the other.</summary>
    Task AppendExchangeAsync(string followerId, ConversationTurn question, ConversationTurn answer, CancellationToken cancellationToken);
}
