using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;
using WeChatFunctions.Admin;
using WeChatFunctions.Answering;
using WeChatFunctions.Claims;
using WeChatFunctions.Cleanup;
using WeChatFunctions.Dashboard;
using WeChatFunctions.Dialog;
using WeChatFunctions.Functions;
using WeChatFunctions.Images;
using WeChatFunctions.Keywords;
using WeChatFunctions.Knowledge;
using WeChatFunctions.Limits;
using WeChatFunctions.Links;
using WeChatFunctions.Memory;
using WeChatFunctions.Paging;
using WeChatFunctions.Pushing;
using WeChatFunctions.Settings;
using WeChatFunctions.Speech;
using WeChatFunctions.Statistics;
using WeChatFunctions.Tools;
using WeChatFunctions.WeChatApi;

namespace WeChatFunctions.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            // The SDK's defaults (0.8 s doubling, 100 s timeout) would outlast WeChat's 5-second window many times over.
            // A request that hangs is given up after 3 s and tried again, so that one stuck call costs one attempt at
            // most rather than the whole window; table calls of this app take milliseconds.
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
            clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            clientOptions.Retry.MaxRetries = 3;
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
            // The SDK's request logging goes to an event source nothing here listens to, yet costs every call a few
            // percent of the app's CPU (docs/performance.md); failures reach the app's own logs. Tracing stays.
            clientOptions.Diagnostics.IsLoggingEnabled = false;
            clientOptions.AddPolicy(new RoundTripLagPolicy(provider.GetRequiredService<InstanceLag>(), provider.GetRequiredService<TimeProvider>()), HttpPipelinePosition.PerRetry);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential(), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton<TableClientProvider>();
        services.AddSingleton<FollowerMove>();
        services.AddSingleton<LegacyFollowerTables>();
        services.AddSingleton<FollowerPartitionQuery>();
        services.AddSingleton<IConversationStore, TableConversationStore>();
        services.AddSingleton<TableReplyClaimStore>();
        services.AddSingleton<IReplyClaimStore>(provider => provider.GetRequiredService<TableReplyClaimStore>());
        services.AddSingleton<IMessageClaimStore>(provider => provider.GetRequiredService<TableReplyClaimStore>());
        services.AddSingleton<IToolCallStore, TableToolCallStore>();
        services.AddSingleton<IHeardVoiceStore, TableHeardVoiceStore>();
        services.AddSingleton<IReadingPositionStore, TableReadingPositionStore>();
        services.AddSingleton<TableUsageLayout>();
        services.AddSingleton<IUsageLayout>(provider => provider.GetRequiredService<TableUsageLayout>());
        services.AddHostedService(provider => provider.GetRequiredService<TableUsageLayout>());
        services.AddSingleton<LegacyUsageTable>();
        services.AddSingleton<FollowerTableUsage>();
        services.AddSingleton<TableUsageStore>();
        services.AddSingleton<IUsageStore>(provider => provider.GetRequiredService<TableUsageStore>());
        services.AddSingleton<IAccountBudgetStore, TableAccountBudgetStore>();
        services.AddSingleton<IExpiredDataStore, TableExpiredDataStore>();
        services.AddSingleton<PolicySnapshot>();
        services.AddSingleton<IAdminStore, TableAdminStore>();
        services.AddSingleton<TableStatisticsStore>();
        services.AddSingleton<IStatisticsStore>(provider => provider.GetRequiredService<TableStatisticsStore>());
        services.AddSingleton<TableSpenderRollUpStore>();
        services.AddSingleton<ISpenderRollUpStore>(provider => provider.GetRequiredService<TableSpenderRollUpStore>());
        services.AddSingleton<BlobContainerProvider>();
        services.AddSingleton<TablePendingImageStore>();
        services.AddSingleton<IPendingImageStore>(provider => provider.GetRequiredService<TablePendingImageStore>());
        services.AddSingleton<ISharedLinkStore, TableSharedLinkStore>();
        services.AddSingleton<IFollowerDataStore, TableFollowerDataStore>();
        services.AddSingleton<RecentPreferences>();
        services.AddSingleton<TablePreferenceStore>();
        services.AddSingleton<IPreferenceStore>(provider => provider.GetRequiredService<TablePreferenceStore>());
        services.AddSingleton<IMemoryStore, TableMemoryStore>();
        services.AddSingleton<IMemoryCensusStore, TableMemoryCensusStore>();
        services.AddSingleton<IAuditStore, TableAuditStore>();
        services.AddSingleton<IPushLedger, TablePushLedger>();
        services.AddSingleton<IPushJobStore, TablePushJobStore>();
        services.AddSingleton<IKeywordStore, TableKeywordStore>();
        services.AddSingleton<IKnowledgeCatalog, TableKnowledgeCatalog>();
        services.AddSingleton<IDashboardAccessStore, TableDashboardAccessStore>();
        services.AddSingleton<IKnowledgeChunkStore, TableKnowledgeChunkStore>();
        services.AddSingleton<AzureSearchPassageIndex>();
        services.AddHttpClient(AzureSearchPassageIndex.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<IPassageIndex>(provider => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.UsesSearchService
            ? provider.GetRequiredService<AzureSearchPassageIndex>()
            : provider.GetRequiredService<EmbeddedPassageIndex>());
        services.AddSingleton<TableWeChatApiStore>();
        services.AddSingleton<IAccessTokenStore>(provider => provider.GetRequiredService<TableWeChatApiStore>());
        services.AddSingleton<IWeChatApiHealthStore>(provider => provider.GetRequiredService<TableWeChatApiStore>());
        return services;
    }
}
