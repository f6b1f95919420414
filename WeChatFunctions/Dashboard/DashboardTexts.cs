namespace WeChatFunctions.Dashboard;

/// <summary>What the dashboard's gate says, in Chinese.</summary>
internal static class DashboardTexts
{
    public const string SignInNeeded = "请在公众号里给助手发送管理命令 dashboard，用回复的链接打开管理后台。";

    public static string Refused(CodeState state, bool lockedOut) =>
        lockedOut ? "尝试次数太多，请一小时后再试。"
        : state switch
        {
            CodeState.Used => "这个链接已经用过了，每个链接只能打开一次。请在公众号里重新发送 dashboard 获取新链接。",
            CodeState.Expired => "这个链接已过期。请在公众号里重新发送 dashboard 获取新链接。",
            _ => "链接无效。请在公众号里重新发送 dashboard 获取新链接。",
        };
}
