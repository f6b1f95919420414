namespace WeChatFunctions.Settings;

/// <summary>
/// The storage account (tables, and blobs for large images), taken from the Functions host's own <c>AzureWebJobsStorage</c> setting: either a
/// connection string, or the identity-based form (<c>AzureWebJobsStorage__accountName</c> or
/// <c>AzureWebJobsStorage__tableServiceUri</c>) that Flex Consumption apps use with a managed identity.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Where images too large for a table row are kept (<c>AzureWebJobsStorage__blobServiceUri</c>).</summary>
    public Uri? BlobServiceUri { get; set; }
}
