namespace WeChatFunctions.Admin;

/// <summary>The replies to admin commands, in one place.</summary>
internal static class AdminTexts
{
    /// <summary>The same for a wrong token, a sender who is not an admin, and a locked-out sender.</summary>
    public const string Refused = "无法执行该命令。";

    public const string Done = "已完成。";

    /// <summary>A moment as admins read it: Beijing time, as the replies that show one say.</summary>
    public static string BeijingTime(DateTimeOffset moment, string format) =>
        moment.ToOffset(TimeSpan.FromHours(8)).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<(string Name, string Usage)> Commands =
    [
        ("help", "help：列出全部命令"),
        ("add_white_list", "add_white_list {openid}：加入白名单（不限次数）"),
        ("remove_white_list", "remove_white_list {openid}：移出白名单"),
        ("list_white_list", "list_white_list：列出白名单"),
        ("set_limit", "set_limit {openid},{次数}：设置某人的每日提问次数（0 为不限）"),
        ("set_default_limit", "set_default_limit {次数}：设置所有人的默认每日次数（0 为不限）"),
        ("block", "block {openid}：禁止某人使用"),
        ("unblock", "unblock {openid}：恢复某人使用"),
        ("get_user", "get_user {openid}：查看某人今天的用量、限额与状态"),
        ("reset_session", "reset_session {openid}：结束某人的当前对话，下一个问题重新开始"),
        ("set_token", "set_token {新口令}：更换管理员口令（16–64 位，不含空白）"),
        ("get_config", "get_config：查看生效的配置（密钥已隐藏）"),
        ("get_stat", "get_stat：查看今天、昨天、近 7 天与累计的统计"),
        ("get_audit", "get_audit {条数}：查看最近的管理操作记录（默认 10 条，最多 50 条）"),
        ("add_keyword", "add_keyword {exact|contains|key} {触发词1,触发词2}，第四行起是回复内容：添加关键词回复（key 用于菜单 CLICK 事件的 key）"),
        ("remove_keyword", "remove_keyword {编号或第一个触发词}：删除关键词回复"),
        ("list_keywords", "list_keywords：列出全部关键词回复"),
        ("test_keyword", "test_keyword {文字}：查看这段文字会触发哪条关键词回复"),
        ("kb_add", "kb_add {链接}：把一篇公众号文章或网页加入知识库"),
        ("kb_list", "kb_list：列出知识库里的文档"),
        ("kb_remove", "kb_remove {编号或链接}：从知识库删除一篇文档"),
        ("kb_stats", "kb_stats：查看知识库的规模、设置和最近的导入"),
        ("dashboard", "dashboard：获取管理后台的一次性链接（趋势、花费、拒绝原因、审计记录）"),
        ("kb_import_published", "kb_import_published：把公众号已发表的全部文章导入知识库（需要认证的公众号和 wechat_app_secret）"),
    ];

    public static string Help => "管理命令（第一行 admin-command:{口令}，第二行命令，第三行参数）：\n"
        + string.Join('\n', Commands.Select(command => "• " + command.Usage));

    public static string Usage(string name) =>
        "用法：" + Commands.Single(command => command.Name == name).Usage;

    public static string Unknown(string name) => $"没有「{name}」这个命令。\n\n{Help}";
}
