using Azure.Data.Tables;
using WeChatFunctions.Dialog;

namespace WeChatFunctions.Storage;

internal sealed class TablePreferenceStore(TableClientProvider tables) : IPreferenceStore
{
    public const string TableName = "WeChatPreferences";

    public async Task<FollowerPreferences> GetAsync(string followerId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<PreferencesEntity>(followerId, PreferencesEntity.Row, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity
            ? new FollowerPreferences(entity.SystemPrompt, entity.Model, entity.Temperature)
            : FollowerPreferences.Defaults;
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
    }
}
