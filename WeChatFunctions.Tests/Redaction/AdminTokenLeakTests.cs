using System.Globalization;
using System.Text;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Redaction;

/// <summary>
/// The admin token never leaves the app in a follower's text: admin commands however typed or spoken are handled as
/// commands, and a token inside an ordinary sentence is replaced before the model, moderation or the history see it.
/// </summary>
public sealed class AdminTokenLeakTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    private const string Token = WeChatApplication.AdminToken;
    private const string Refused = "无法执行该命令。";
    private const string Hidden = "[已隐藏]";

    [Theory]
    [InlineData("admin command:{0}\nhelp")]
    [InlineData("admin_command:{0}\nhelp")]
    [InlineData("admin－command:{0}\nhelp")]
    [InlineData("admin—command:{0}\nhelp")]
    [InlineData("admin–command：{0}\nhelp")]
    [InlineData("ａｄｍｉｎ－ｃｏｍｍａｎｄ：{0}\nhelp")]
    [InlineData("ａｄｍｉｎ－ｃｏｍｍａｎｄ：ａｄｍｉｎ－ｓｅｃｒｅｔ－ｔｏｋｅｎ－１\nhelp")]
    [InlineData("\u200Badmin-command:{0}\nhelp")]
    [InlineData("\uFEFF\u200Dadmin\u200B-command:\u2060{0}\nhelp")]
    [InlineData("admin-command {0}\nhelp")]
    [InlineData("AdminCommand{0}\nhelp")]
    [InlineData("「admin-command:{0}\nhelp」")]
    [InlineData("\"admin-command:{0}\nhelp\"")]
    [InlineData("“admin-command：{0}\nhelp”")]
    [InlineData("【admin command: {0}\nhelp】")]
    public async Task AnAdminCommandHoweverTypedRunsAndNeverReachesTheModel(string message)
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, Format(message));

        Assert.StartsWith("管理命令", reply, StringComparison.Ordinal);
        await AssertTokenWentNowhereAsync();
    }

    [Theory]
    [InlineData("admin command: set_token NEW-TOKEN-0123456789 {0}")]
    [InlineData("admin-command:not-the-token {0}\nhelp")]
    [InlineData("  ａｄｍｉｎ ＿ ｃｏｍｍａｎｄ  ｗｒｏｎｇ {0}")]
    [InlineData("admin command {0} 是什么意思？")]
    public async Task AnAdminCommandThatIsWrongIsRefusedAndNeverReachesTheModel(string message)
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, Format(message));

        Assert.Equal(Refused, reply);
        await AssertTokenWentNowhereAsync();
    }

    [Theory]
    [InlineData("admin-command:{0}")]
    [InlineData("Admin command，{0}。")]
    public async Task ASpokenAdminCommandIsHandledAsOneToo(string recognition)
    {
        var reply = await Fixture.WeChat.PushAsync(SignedPush.Voice(Format(recognition)).From(Follower));

        Assert.False(reply.Content.StartsWith("回答", StringComparison.Ordinal), reply.Content);
        await AssertTokenWentNowhereAsync();
    }

    [Theory]
    [InlineData("我的密码是 {0}，帮我记一下")]
    [InlineData("我的密码是{0}")]
    [InlineData("密码：ＡＤＭＩＮ－ＳＥＣＲＥＴ－ＴＯＫＥＮ－１ 对吗")]
    [InlineData("密码是 a d m i n - s e c r e t - t o k e n - 1 对吗")]
    [InlineData("密码是 admin\u200B-secret\u200C-token-1 对吗")]
    public async Task ATokenInsideASentenceIsHiddenAndTheSentenceAnswered(string message)
    {
        var reply = await Fixture.WeChat.AskAsync(Follower, Format(message));

        Assert.StartsWith("回答：", reply, StringComparison.Ordinal);
        Assert.Contains(Hidden, reply, StringComparison.Ordinal);
        var question = Assert.Single(Fixture.Model.Requests).LastUserMessage;
        Assert.Contains(Hidden, question, StringComparison.Ordinal);
        Assert.StartsWith("密码", question[question.IndexOf('密', StringComparison.Ordinal)..], StringComparison.Ordinal);
        await AssertTokenWentNowhereAsync(historyMayExist: true);
    }

    [Fact]
    public async Task ModerationSeesTheSentenceWithoutTheToken()
    {
        var weChat = Fixture.StartApplication(settings => settings["moderation"] = "openai").CreateWeChatClient();

        var reply = await weChat.AskAsync(Follower, Format("帮我检查一下 {0} 这个密码强不强"));

        Assert.Equal($"回答：帮我检查一下 {Hidden} 这个密码强不强", reply);
        Assert.Contains(Fixture.Model.Moderation.Requests, request => request.Input.Contains(Hidden, StringComparison.Ordinal));
        Assert.DoesNotContain(Fixture.Model.Moderation.Requests, request => Skeleton(request.Input).Contains(Skeleton(Token), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATokenSetBySetTokenIsHiddenToo()
    {
        var weChat = Fixture.StartApplication().CreateWeChatClient();
        const string newToken = "fresh-admin-token-0123456789";
        var admin = WeChatClient.NewFollowerId();

        var done = await new AdminConsole(weChat, admin, Token).RunAsync("set_token", newToken);
        var reply = await weChat.AskAsync(Follower, $"新口令 {newToken} 和旧口令 {Token} 都给你");

        Assert.DoesNotContain("无法", done, StringComparison.Ordinal);
        Assert.Equal($"回答：新口令 {Hidden} 和旧口令 {Hidden} 都给你", reply);
        Assert.DoesNotContain(Fixture.Model.Requests, request => request.Messages.Any(message => message.Content.Contains(newToken, StringComparison.Ordinal)));
    }

    private static string Format(string message) => string.Format(CultureInfo.InvariantCulture, message, Token);

    /// <summary>No chat, moderation or embedding request, nor the follower's history, holds the token in any width, case or spacing.</summary>
    private async Task AssertTokenWentNowhereAsync(bool historyMayExist = false)
    {
        var token = Skeleton(Token);
        Assert.DoesNotContain(Fixture.Model.Requests, request => request.Messages.Any(message => Skeleton(message.Content).Contains(token, StringComparison.Ordinal)));
        Assert.DoesNotContain(Fixture.Model.Moderation.Requests, request => Skeleton(request.Input).Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(Fixture.Model.Embeddings.Requests, request => request.Inputs.Any(input => Skeleton(input).Contains(token, StringComparison.Ordinal)));
        var history = await StoredConversation.TurnsOfAsync(Fixture.Storage, Follower);
        if (!historyMayExist)
        {
            Assert.Empty(Fixture.Model.Requests);
            Assert.Empty(history);
        }

        Assert.DoesNotContain(history, turn => Skeleton(turn.GetString("Content") ?? "").Contains(token, StringComparison.Ordinal));
    }

    private static string Skeleton(string text) =>
        new([.. text.Normalize(NormalizationForm.FormKC).Where(character => !char.IsWhiteSpace(character) && char.GetUnicodeCategory(character) != UnicodeCategory.Format).Select(char.ToLowerInvariant)]);
}
