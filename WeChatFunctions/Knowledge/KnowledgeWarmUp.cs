using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Loads the embedded index's vectors as an instance starts, so that its first question does not wait for them (about
/// 0.7 s at 20,000 chunks). Only with a knowledge base in use and kept in the app's storage: otherwise a cold start
/// still makes no storage call before the first request.
/// </summary>
internal sealed class KnowledgeWarmUp(IPassageIndex index, IOptions<KnowledgeOptions> options, ILogger<KnowledgeWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled || index is not EmbeddedPassageIndex embedded)
        {
            return;
        }

        try
        {
            await embedded.RefreshAsync(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            // The first question tries again; until then nothing is lost.
            KnowledgeLog.WarmUpFailed(logger, exception);
        }
    }
}
