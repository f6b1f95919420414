using System.Globalization;
using WeChatFunctions.Hosting;
using WeChatFunctions.Settings;

// Texts read the same on every machine, whatever its locale. ICU is loaded for normalisation, not for culture.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

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
