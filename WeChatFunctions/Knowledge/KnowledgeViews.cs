namespace WeChatFunctions.Knowledge;

/// <summary>How imports read in admins' replies.</summary>
internal static class KnowledgeViews
{
    /// <summary>An import still running after this long has died with its instance.</summary>
    private static readonly TimeSpan RunningAtMost = TimeSpan.FromMinutes(15);

    public static string Outcome(ImportRecord import) => import.Status switch
    {
        ImportStatus.Added => $"已导入{import.Detail}（编号 {import.DocumentId}）。",
        ImportStatus.Updated => $"已更新{import.Detail}（编号 {import.DocumentId}）。",
        ImportStatus.Unchanged => $"{import.Detail}，没有重新导入（编号 {import.DocumentId}）。",
        ImportStatus.Failed => $"导入失败：{import.Detail}。\n{import.Source}",
        _ => $"正在导入 {import.Source}（编号 {import.DocumentId}）。",
    };

    public static string Import(ImportRecord import, DateTimeOffset now)
    {
        var at = import.StartedAt.ToOffset(TimeSpan.FromHours(8)).ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return import.Status switch
        {
            ImportStatus.Running when now - import.StartedAt > RunningAtMost => $"{at} 中断（实例重启），请重新导入：{import.Source}",
            ImportStatus.Running => $"{at} 导入中：{import.Source}",
            ImportStatus.Failed => $"{at} 失败：{import.Detail}：{import.Source}",
            ImportStatus.Unchanged => $"{at} 未变化：{import.Detail}",
            _ => $"{at} 成功：{import.Detail}",
        };
    }
}
