using System.Globalization;

namespace WeChatFunctions.LoadTest;

/// <summary>
/// A process's resident memory from <c>/proc/PID/status</c>: anonymous pages (the GC heap, the runtime's own
/// allocations, thread stacks), file pages (the mapped assemblies and native libraries) and shared pages (the runtime's
/// executable memory: JIT code, stubs and type data, in a memory file mapped twice, writable and executable, for W^X).
/// </summary>
internal sealed record ResidentMemory(double TotalMiB, double AnonymousMiB, double FileMiB, double SharedMiB)
{
    public static ResidentMemory Of(int processId)
    {
        var fields = File.ReadLines($"/proc/{processId}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[1].TrimEnd().EndsWith(" kB", StringComparison.Ordinal))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim()[..^3], CultureInfo.InvariantCulture) / 1024.0, StringComparer.Ordinal);
        return new ResidentMemory(fields["VmRSS"], fields["RssAnon"], fields["RssFile"], fields["RssShmem"]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TotalMiB:F0} MiB (anonymous {AnonymousMiB:F0}, files {FileMiB:F0}, shared {SharedMiB:F0})");
}
