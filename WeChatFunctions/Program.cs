using WeChatFunctions.Hosting;
using WeChatFunctions.Settings;

try
{
    if (FunctionsHost.StartedThisProcess(args))
    {
        await FunctionsWorkerApp.RunAsync(args);
    }
    else
    {
        await StandaloneApp.RunAsync(args);
    }

    return 0;
}
catch (Exception exception) when (SettingsErrors.Describe(exception) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return 1;
}

public partial class Program;
