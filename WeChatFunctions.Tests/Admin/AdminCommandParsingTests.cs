using WeChatFunctions.Admin;

namespace WeChatFunctions.Tests.Admin;

public sealed class AdminCommandParsingTests
{
    [Theory]
    [InlineData("admin-command:tok\nhelp", "tok", "help", "")]
    [InlineData("ａｄｍｉｎ－ｃｏｍｍａｎｄ：ｔｏｋ\nＨＥＬＰ", "tok", "help", "")]
    [InlineData("\u200B admin — command tok\nset_limit\na, 3", "tok", "set_limit", "a, 3")]
    [InlineData("admincommand:tok", "tok", "", "")]
    [InlineData("「admin_command：tok\nadd_keyword\n你好 => 「您好」」", "tok", "add_keyword", "你好 => 「您好」")]
    [InlineData("admin-command:tok\nadd_keyword\n问 => (答)", "tok", "add_keyword", "问 => (答)")]
    [InlineData("ａｄｍｉｎ－ｃｏｍｍａｎｄ：tok\nadd_keyword\n优惠码，折扣 => 本周优惠码：ＳＡＶＥ１０！", "tok", "add_keyword", "优惠码，折扣 => 本周优惠码：ＳＡＶＥ１０！")]
    [InlineData("（admin-command：tok\nhelp）", "tok", "help", "")]
    public void AnAdminCommandIsReadAfterNormalisation(string content, string token, string name, string arguments)
    {
        Assert.True(AdminCommand.TryParse(content, out var command));

        Assert.Equal(new AdminCommand(token, name, arguments), command);
    }

    [Theory]
    [InlineData("administrator command: x")]
    [InlineData("我是 admin-command 的用户")]
    [InlineData("admin: command")]
    [InlineData("命令")]
    public void TextThatDoesNotStartLikeAnAdminCommandIsNotOne(string content) =>
        Assert.False(AdminCommand.TryParse(content, out _));
}
