using Microsoft.Azure.Functions.Worker.Builder;
using WeChatFunctions.Dashboard;

namespace WeChatFunctions.Hosting;

/// <summary>
/// The app as an Azure Functions isolated worker with ASP.NET Core integration: the host proxies each HTTP request
/// to the worker's own Kestrel, and invokes <c>wechat</c> and <c>cleanup</c> (Functions/) over gRPC.
/// See https://learn.microsoft.com/azure/azure-functions/dotnet-isolated-process-guide
/// </summary>
internal static class FunctionsWorkerApp
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSingleton(ClientAddressSource.AppServiceFrontEnd);
        builder.AddAssistant();
        return builder;
    }

    public static async Task RunAsync(string[] args)
    {
        using var host = CreateBuilder(args).Build();
        await host.RunAsync();
    }
}
