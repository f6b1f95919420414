using Spectre.Console;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Importer;

/// <summary>Runs the imports one by one with a progress bar, prints each outcome, and counts them.</summary>
internal sealed class ImportReport(IAnsiConsole console)
{
    private readonly Dictionary<ImportStatus, int> _counts = [];

    public int Failed => _counts.GetValueOrDefault(ImportStatus.Failed);

    public async Task RunAsync(IReadOnlyList<ImportSource> sources, KnowledgeImportSession session, CancellationToken cancellationToken)
    {
        await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).StartAsync(async progress =>
        {
            var task = progress.AddTask("导入", maxValue: Math.Max(1, sources.Count));
            foreach (var source in sources)
            {
                task.Description = Markup.Escape(source.Name);
                Record(source.Name, await ImportAsync(source, session.Importer, cancellationToken));
                task.Increment(1);
            }

            task.Value = task.MaxValue;
        });
    }

    public async Task RunPublishedAsync(KnowledgeImportSession session, CancellationToken cancellationToken)
    {
        if (!session.Published.IsPossible)
        {
            Record("--published", new ImportRecord("", "", ImportStatus.Failed, "需要设置 wechat_app_id 和 wechat_app_secret", DateTimeOffset.UtcNow));
            return;
        }

        try
        {
            await session.Published.ImportAllAsync(record => Record(record.Source, record), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Record("--published", new ImportRecord("", "", ImportStatus.Failed, "微信接口没有返回文章列表：" + KnowledgeTexts.ProblemOf(exception), DateTimeOffset.UtcNow));
        }
    }

    public void WriteSummary()
    {
        console.MarkupLine(Markup.Escape(
            $"完成：新增 {_counts.GetValueOrDefault(ImportStatus.Added)}，更新 {_counts.GetValueOrDefault(ImportStatus.Updated)}，" +
            $"未变化 {_counts.GetValueOrDefault(ImportStatus.Unchanged)}，失败 {Failed}"));
    }

    private static async Task<ImportRecord> ImportAsync(ImportSource source, KnowledgeImporter importer, CancellationToken cancellationToken) => source switch
    {
        { File: { } file } => await importer.ImportAsync(source.Name, token => ImportSources.ExtractAsync(file, token), cancellationToken),
        { Link: { } link } => await importer.ImportUrlAsync(link, cancellationToken),
        _ => new ImportRecord("", source.Name, ImportStatus.Failed, "不是文件，也不是 http(s) 链接", DateTimeOffset.UtcNow),
    };

    private void Record(string name, ImportRecord record)
    {
        _counts[record.Status] = _counts.GetValueOrDefault(record.Status) + 1;
        var (label, colour) = record.Status switch
        {
            ImportStatus.Added => ("新增", "green"),
            ImportStatus.Updated => ("更新", "blue"),
            ImportStatus.Unchanged => ("未变化", "grey"),
            _ => ("失败", "red"),
        };
        console.MarkupLine($"[{colour}]{label}[/] {Markup.Escape(name)} {Markup.Escape(record.Detail)}");
    }
}
