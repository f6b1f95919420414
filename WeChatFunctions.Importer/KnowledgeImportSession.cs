using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WeChatFunctions.Hosting;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Importer;

/// <summary>
/// The app's services, built from its settings exactly as the app builds them, and started so that what an import
/// records (statistics, the share of the day's token budget) is written back when the session ends.
/// </summary>
internal sealed class KnowledgeImportSession : IAsyncDisposable
{
    private readonly IHost _host;

    private KnowledgeImportSession(IHost host) => _host = host;

    public KnowledgeImporter Importer => _host.Services.GetRequiredService<KnowledgeImporter>();

    public PublishedArticleImport Published => _host.Services.GetRequiredService<PublishedArticleImport>();

    /// <param name="settingsDirectory">Where local.settings.json is; environment variables override its values.</param>
    public static async Task<KnowledgeImportSession> StartAsync(string settingsDirectory, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddLocalSettingsFile(settingsDirectory).AddEnvironmentVariables();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.AddAssistant();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new KnowledgeImportSession(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
