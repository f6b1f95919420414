namespace WeChatFunctions.Settings;

/// <summary>
/// The Table Storage account, taken from the Functions host's own <c>AzureWebJobsStorage</c> setting: either a
/// connection string, or the identity-based form (<c>AzureWebJobsStorage__accountName</c> or
/// <c>AzureWebJobsStorage__tableServiceUri</c>) that Flex Consumption apps use with a managed identity.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }
}
