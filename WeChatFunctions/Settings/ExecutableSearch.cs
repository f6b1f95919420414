namespace WeChatFunctions.Settings;

/// <summary>Finds a program as a shell would: the first directory on PATH that holds it.</summary>
internal static class ExecutableSearch
{
    /// <returns>The program's full path, or <see langword="null"/> when no directory on PATH has it.</returns>
    public static string? OnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? [program + ".exe", program] : new[] { program };
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
