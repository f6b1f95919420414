namespace WeChatFunctions.Tests.Architecture;

/// <summary>The shape of the production tree: feature folders that depend on each other one way only, and small files.</summary>
public sealed class FolderTests
{
    private const int MaxProductionFileLines = 200;

    [Fact]
    public void EveryFileIsInTheNamespaceOfItsFolder()
    {
        var misplaced = SourceTree.ProductionFiles
            .Where(file => file.Folder.Length > 0 && file.Namespace != "WeChatFunctions." + file.Folder)
            .Select(file => $"{file.RelativePath}: {file.Namespace}");

        Assert.Empty(misplaced);
    }

    [Fact]
    public void NoTwoFoldersDependOnEachOther()
    {
        var graph = FolderGraph.Of(SourceTree.ProductionFiles);

        Assert.Null(graph.FindCycle());
    }

    [Fact]
    public void TheCycleFinderFindsACycle()
    {
        var graph = new FolderGraph(new Dictionary<string, IReadOnlySet<string>>
        {
            ["Answering"] = new HashSet<string> { "Dialog" },
            ["Dialog"] = new HashSet<string> { "Images" },
            ["Images"] = new HashSet<string> { "Answering" },
            ["Text"] = new HashSet<string>(),
        });

        Assert.Equal(["Answering", "Dialog", "Images", "Answering"], graph.FindCycle());
    }

    [Fact]
    public void NoProductionFileIsOverTwoHundredLines()
    {
        var oversized = SourceTree.ProductionFiles.Where(file => file.LineCount > MaxProductionFileLines).Select(file => $"{file.RelativePath}: {file.LineCount}");

        Assert.Empty(oversized);
    }

    [Fact]
    public void TestFoldersMirrorTheProductionFolders()
    {
        var production = SourceTree.ProductionFiles.Select(file => file.Folder).Where(folder => folder.Length > 0).ToHashSet(StringComparer.Ordinal);
        // Deployment: the Dockerfile, compose.yaml and scripts/deploy-vm.sh at the repository root, which no production folder holds.
        string[] testOnly = ["Architecture", "Deployment", "Infrastructure", "Infra", "Publishing", "Simulator"];
        var tests = SourceTree.Read(Path.Combine(Infrastructure.RepositoryRoot.Path, "WeChatFunctions.Tests"))
            .Select(file => file.Folder)
            .Where(folder => folder.Length > 0 && !testOnly.Contains(folder))
            .Distinct();

        Assert.All(tests, folder => Assert.Contains(folder, production));
    }
}
