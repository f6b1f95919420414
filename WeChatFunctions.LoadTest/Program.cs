using System.Globalization;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// Usage: <c>dotnet run -c Release --project WeChatFunctions.LoadTest [followers] [messagesPerFollower]</c>;
/// <c>… -- compare {revision} [followers] [messagesPerFollower] [peakFollowers] [peakMessages]</c> for the same run on
/// an earlier commit and on the working tree, side by side; <c>… -- memory {revision} [followers] [messagesPerFollower] [runs] [NAME=value …]</c> for resident memory alone, several runs of each, the settings given applied to the working tree's instances; <c>… -- faults [followers] [messagesPerFollower] [no-kill]</c> for the storage-fault
/// run with an instance killed; <c>… -- push [followers] [messagesPerFollower]</c> for customer-service delivery; <c>… -- keywords …</c> for keyword replies; <c>… -- knowledge [chunks]</c> for the knowledge base's retrieval quality and latency; <c>… -- dashboard [followersPerDay]</c> for the dashboard at scale; or <c>… -- startup [runs]</c> for the cold-start benchmark of the ReadyToRun publish
/// against the JIT-only one. A class rather than top-level statements: the harness it links names the app's own <c>Program</c>.
/// </summary>
internal static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        int Number(int index, int otherwise) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : otherwise;

        return args switch
        {
            ["startup", ..] => await StartupBenchmark.RunAsync(Number(1, 7)),
            ["faults", ..] => await FaultLoadRun.RunAsync(Number(1, 40), Number(2, 5), kill: args is not [.., "no-kill"]),
            ["idle", ..] => await IdleInstanceCost.RunAsync(Number(1, 10)),
            ["push", ..] => await PushLoadRun.RunAsync(Number(1, 40), Number(2, 5)),
            ["keywords", ..] => await KeywordLoadRun.RunAsync(Number(1, 40), Number(2, 5)),
            ["knowledge", ..] => await KnowledgeLoadRun.RunAsync(Number(1, 20_000)),
            ["dashboard", ..] => await DashboardLoadRun.RunAsync(Number(1, 1_000)),
            ["storage-cost", ..] => await StorageCallCost.RunAsync(Number(1, 2000)),
            ["memory", var revision, ..] => await MemoryComparison.RunAsync(revision, Number(2, 40), Number(3, 5), Number(4, 3),
                args.Skip(5).Select(setting => setting.Split('=', 2)).ToDictionary(pair => pair[0], pair => (string?)pair[1], StringComparer.Ordinal)),
            ["compare", var revision, ..] => await Comparison.RunAsync(revision, Number(2, 40), Number(3, 5), (Number(4, 200), Number(5, 5))),
            _ => (await LoadScenario.RunAsync(assembly: null, Number(0, 40), Number(1, 5), peak: null, print: true)).AllDelivered ? 0 : 1,
        };
    }
}
