using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WeChatFunctions.Knowledge;

namespace WeChatFunctions.Importer;

/// <summary>What to import: the files of a folder, or the links of a list, each with the source it is known by.</summary>
internal static class ImportSources
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".html", ".htm" };

    /// <param name="path">A folder, or a text file of links, one per line; blank lines and lines starting with # are skipped.</param>
    public static IReadOnlyList<ImportSource> Read(string path)
    {
        if (Directory.Exists(path))
        {
            return [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(file => Extensions.Contains(Path.GetExtension(file)))
                .Order(StringComparer.Ordinal)
                .Select(file => ImportSource.OfFile(Path.GetRelativePath(path, file).Replace('\\', '/'), file))];
        }

        if (File.Exists(path))
        {
            return [.. File.ReadAllLines(path)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => ImportSource.OfLink(line))];
        }

        throw new FileNotFoundException($"找不到文件夹或文件：{path}");
    }

    /// <summary>A file's title and text: a Markdown file's first heading, an HTML page's title, else the file's name.</summary>
    /// <remarks>An HTML file is read within the same limits and time as a page fetched for <c>kb_add</c>.</remarks>
    public static async Task<ExtractedArticle> ExtractAsync(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".html" or ".htm":
                var html = new FileInfo(file).Length <= ArticleFetcher.MaxBytes
                    ? await File.ReadAllBytesAsync(file, cancellationToken)
                    : throw new KnowledgeImportException(KnowledgeTexts.TooLarge);
                var page = await ArticleExtractor.ExtractAsync(new Uri(Path.GetFullPath(file)), html, ArticleFetcher.Timeout, cancellationToken);
                return page with { Title = page.Title.Length > 0 ? page.Title : name };

            case ".md" or ".markdown":
                var markdown = File.ReadAllText(file);
                var pipeline = new MarkdownPipelineBuilder().Build();
                var heading = Markdown.Parse(markdown, pipeline).Descendants<HeadingBlock>().FirstOrDefault(block => block.Level == 1);
                var title = heading?.Inline is { } inline ? string.Concat(inline.Descendants<LiteralInline>().Select(literal => literal.Content.ToString())) : name;
                return new ExtractedArticle(title.Trim(), Markdown.ToPlainText(markdown, pipeline).Trim());
            default:
                return new ExtractedArticle(name, File.ReadAllText(file).Trim());
        }
    }
}

/// <summary>A file (by its path relative to the folder, so that the same folder imported from anywhere keeps its ids) or a link.</summary>
internal sealed record ImportSource(string Name, string? File, Uri? Link)
{
    public static ImportSource OfFile(string relativePath, string file) => new(relativePath, file, null);

    public static ImportSource OfLink(string line) =>
        Uri.TryCreate(line, UriKind.Absolute, out var link) ? new ImportSource(line, null, link) : new ImportSource(line, null, null);
}
