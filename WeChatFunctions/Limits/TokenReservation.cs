namespace WeChatFunctions.Limits;

/// <summary>
/// Tokens held for a question whose answer is still being generated: its prompt plus <c>max_answer_tokens</c>, the
/// most it can cost. Questions asked at the same time then cannot overshoot a token budget together.
/// </summary>
/// <param name="Tokens">The tokens held; 0 once the answer settled them.</param>
/// <param name="Until">When a reservation that was never settled (its instance died) stops counting.</param>
internal sealed record TokenReservation(string MessageId, long Tokens, DateTimeOffset Until);
