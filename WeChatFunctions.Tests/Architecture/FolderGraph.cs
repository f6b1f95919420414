namespace WeChatFunctions.Tests.Architecture;

/// <summary>Which production folder uses which, from the namespaces their files use.</summary>
internal sealed class FolderGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
{
    public static FolderGraph Of(IEnumerable<SourceFile> files) => new(files
        .Where(file => file.Folder.Length > 0)
        .GroupBy(file => file.Folder, StringComparer.Ordinal)
        .ToDictionary(folder => folder.Key, IReadOnlySet<string> (folder) => folder.SelectMany(file => file.UsedFolders).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));

    /// <returns>The folders of one cycle, the first repeated at the end; <see langword="null"/> when there is none.</returns>
    public IReadOnlyList<string>? FindCycle()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in uses.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, [], done) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private List<string>? Visit(string folder, List<string> path, HashSet<string> done)
    {
        if (path.IndexOf(folder) is var index and >= 0)
        {
            return [.. path[index..], folder];
        }

        if (!done.Add(folder))
        {
            return null;
        }

        path.Add(folder);
        foreach (var used in uses.GetValueOrDefault(folder, new HashSet<string>()).Order(StringComparer.Ordinal))
        {
            if (Visit(used, path, done) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        return null;
    }
}
