using WeChatFunctions.Claims;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.Claims;

/// <summary>The names pushes are claimed under: one per push across WeChat's retries, and always a valid row key.</summary>
public sealed class MessageKeyTests
{
    [Fact]
    public void EventsInOneSecondAreTheSamePushOnlyWithTheSameNameAndKey()
    {
        var click = new EventMessage("gh_1", "oABC", 1714037059, "CLICK", "MENU_A");

        var retry = MessageKey.For(click with { });
        var otherButton = MessageKey.For(click with { EventKey = "MENU_B" });
        var otherEvent = MessageKey.For(click with { Event = "VIEW" });

        Assert.Equal(MessageKey.For(click), retry);
        Assert.NotEqual(MessageKey.For(click), otherButton);
        Assert.NotEqual(MessageKey.For(click), otherEvent);
        Assert.StartsWith("t1714037059-", MessageKey.For(click).MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventKeyOfAnyCharactersAndLengthGivesAShortValidRowKey()
    {
        var key = MessageKey.For(new EventMessage("gh_1", "oABC", 1714037059, "CLICK", "a/b\\c#d?e\u0001f:g;h" + new string('长', 2000))).MessageId;

        Assert.Matches("^t1714037059-[0-9a-f]{32}$", key);
    }
}
