using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;
using WeChatFunctions.Conversations;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential())
                : new TableServiceClient(options.ConnectionString);
        });
        services.AddSingleton<TableClientProvider>();
        services.AddSingleton<IConversationStore, TableConversationStore>();
        return services;
    }
}
