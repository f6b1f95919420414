using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Limits;

/// <summary>Settings that make a question's reservation small and predictable: a short system prompt and short answers.</summary>
internal static class ReservationSettings
{
    /// <summary>Each question then reserves its prompt (about 25 tokens) and 16 for the answer: two fit in 100, not three.</summary>
    public const string TwoQuestionsWorth = "100";

    public static void Apply(IDictionary<string, string?> settings)
    {
        settings["system_prompt"] = "简短回答。";
        settings["max_answer_tokens"] = "16";
        settings["rate_limit_per_minute"] = "0";
    }

    /// <summary>
    /// Asks five questions at once, from <paramref name="followerOf"/> each, of an app with <paramref name="budget"/> set
    /// to <see cref="TwoQuestionsWorth"/> and a model slow enough that all five are charged before any is answered.
    /// </summary>
    public static async Task<string[]> AskFiveAtOnceAsync(WeChatFixture fixture, string budget, Func<int, string> followerOf)
    {
        fixture.Model.Behavior = new FakeModelBehavior { FirstTokenDelay = TimeSpan.FromSeconds(1) };
        var weChat = fixture.StartApplication(settings =>
        {
            Apply(settings);
            settings[budget] = TwoQuestionsWorth;
        }).CreateWeChatClient();
        return await Task.WhenAll(Enumerable.Range(1, 5).Select(question => weChat.AskAsync(followerOf(question), $"同时提出的问题{question}")));
    }
}
