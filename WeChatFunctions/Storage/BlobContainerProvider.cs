using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Storage;

/// <summary>
/// The blob container for large images, made on first use: an app that never receives a large image needs no Blob
/// endpoint and makes no Blob call.
/// </summary>
internal sealed class BlobContainerProvider(IOptions<StorageOptions> options)
{
    public const string ContainerName = "wechat-images";

    private readonly CreatedOnFirstUse<BlobContainerClient> _container = new(() => CreateAsync(options.Value));

    public Task<BlobContainerClient> GetAsync(CancellationToken cancellationToken) => _container.GetAsync(cancellationToken);

    private static async Task<BlobContainerClient> CreateAsync(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var service = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(
                options.BlobServiceUri ?? throw new InvalidOperationException("Large images need Blob Storage: set AzureWebJobsStorage__accountName or AzureWebJobsStorage__blobServiceUri."),
                new DefaultAzureCredential(),
                clientOptions);
        var container = service.GetBlobContainerClient(ContainerName);
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
