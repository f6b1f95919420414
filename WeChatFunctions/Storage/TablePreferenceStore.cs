using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

internal sealed class TablePreferenceStore(TableClientProvider tables, RecentPreferences recent) : IPreferenceStore
{
    public const string TableName = "WeChatPreferences";

    public async Task<FollowerPreferences> GetAsync(string followerId, CancellationToken cancellationToken)
    {
        if (recent.TryGet(followerId, out var known))
        {
            return known;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<PreferencesEntity>(followerId, PreferencesEntity.Row, cancellationToken: cancellationToken);
        var preferences = found.HasValue && found.Value is { } entity
            ? new FollowerPreferences(entity.SystemPrompt, entity.Model, entity.Temperature)
            : FollowerPreferences.Defaults;
        recent.Remember(followerId, preferences);
        return preferences;
    }

    public async Task SaveAsync(string followerId, FollowerPreferences preferences, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new PreferencesEntity
        {
            PartitionKey = followerId,
            SystemPrompt = preferences.SystemPrompt,
            Model = preferences.Model,
            Temperature = preferences.Temperature,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        recent.Remember(followerId, preferences);
    }
}
