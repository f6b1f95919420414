using System.Diagnostics;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.LoadTest;

/// <summary>What an instance costs in CPU while no message arrives: its timers, and nothing else.</summary>
internal static class IdleInstanceCost
{
    public static async Task<int> RunAsync(int seconds)
    {
        await using var storage = await AzuriteServer.StartAsync();
        await using var model = await FakeModelServer.StartAsync();
        var settings = WeChatApplication.DefaultSettings(storage, model);
        settings["Logging__LogLevel__Default"] = "Warning";
        await using var instance = await WeChatInstance.StartAsync(settings);
        await instance.WeChat.AskAsync(WeChatClient.NewFollowerId(), "预热");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var process = Process.GetProcessById(instance.ProcessId);
        var cpu = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        Console.WriteLine($"  idle instance: {(process.TotalProcessorTime - cpu).TotalMilliseconds / seconds:F1} ms CPU per second");
        return 0;
    }
}
