using System.Globalization;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// Resident memory, before and after, several times over: an earlier commit and the working tree, published as
/// <see cref="Comparison"/> publishes them, run in turn through <see cref="LoadScenario"/> without the peak, which
/// leaves each instance's memory where the messages left it. Prints every run and the medians; asserts nothing.
/// </summary>
internal static class MemoryComparison
{
    /// <param name="variant">
    /// Settings, such as the runtime's <c>DOTNET_…</c> variables, for the working tree's instances only: to try a
    /// runtime setting against the same build without it, give this commit as <paramref name="baselineRevision"/>.
    /// </param>
    public static async Task<int> RunAsync(string baselineRevision, int followers, int messagesPerFollower, int runs, IReadOnlyDictionary<string, string?> variant)
    {
        var baseline = await AppPublisher.PublishRevisionAsync(baselineRevision);
        var current = await AppPublisher.PublishAsync("current");
        if (baseline is null || current is null)
        {
            return 1;
        }

        var variantName = string.Join(" ", variant.Select(setting => $"{setting.Key}={setting.Value}"));
        var builds = new (string Name, string Assembly, IReadOnlyDictionary<string, string?> Settings)[]
        {
            (baselineRevision, baseline, new Dictionary<string, string?>()), ($"working tree {variantName}".TrimEnd(), current, variant),
        };
        var samples = builds.ToDictionary(build => build.Name, _ => new List<ResidentMemory>(), StringComparer.Ordinal);
        for (var run = 1; run <= runs; run++)
        {
            foreach (var (name, assembly, settings) in builds)
            {
                var result = await LoadScenario.RunAsync(assembly, followers, messagesPerFollower, peak: null, print: false, settings);
                var memory = result.Memory;
                samples[name].AddRange(memory);
                Console.WriteLine($"run {run}, {name}: {(result.AllDelivered ? "all delivered" : "NOT ALL DELIVERED")}; {string.Join(" / ", memory)}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| median of {runs * 2} instances after {LoadScenario.MessageCount(followers, messagesPerFollower, peak: null)} messages per pair | resident | anonymous | files | shared |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, memory) in samples)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(memory, sample => sample.TotalMiB):F0} MiB | {Median(memory, sample => sample.AnonymousMiB):F0} MiB | {Median(memory, sample => sample.FileMiB):F0} MiB | {Median(memory, sample => sample.SharedMiB):F0} MiB |"));
        }

        return 0;
    }

    private static double Median(List<ResidentMemory> samples, Func<ResidentMemory, double> measure) =>
        samples.Select(measure).Order().ElementAt(samples.Count / 2);
}
