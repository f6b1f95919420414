using System.CommandLine;
using Spectre.Console;

namespace WeChatFunctions.Importer;

/// <summary>The importer's command line: what to import, and where the app's settings are.</summary>
internal static class KnowledgeImportCommand
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var source = new Argument<string?>("source")
        {
            Description = "要导入的文件夹（Markdown、文本、HTML 文件，含子文件夹），或每行一个链接的文本文件",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var settings = new Option<DirectoryInfo>("--settings")
        {
            Description = "local.settings.json 所在的文件夹（与应用相同的配置；环境变量优先）",
            DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
        };
        var published = new Option<bool>("--published") { Description = "导入公众号已发表的全部文章（需要认证的公众号和 wechat_app_secret）" };
        var root = new RootCommand("把文档导入公众号助手的知识库；没有变化的文档会跳过，可以反复运行。") { source, settings, published };
        root.Validators.Add(result =>
        {
            if (result.GetValue(source) is null && !result.GetValue(published))
            {
                result.AddError("请给出要导入的文件夹或链接列表，或者使用 --published。");
            }
        });
        root.SetAction(async (result, invocationCancellation) =>
        {
            await using var importer = await KnowledgeImportSession.StartAsync(result.GetValue(settings)!.FullName, invocationCancellation);
            var report = new ImportReport(console);
            if (result.GetValue(source) is { } path)
            {
                await report.RunAsync(ImportSources.Read(path), importer, invocationCancellation);
            }

            if (result.GetValue(published))
            {
                await report.RunPublishedAsync(importer, invocationCancellation);
            }

            report.WriteSummary();
            return report.Failed == 0 ? 0 : 1;
        });
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = console.Profile.Out.Writer }, cancellationToken);
    }
}
