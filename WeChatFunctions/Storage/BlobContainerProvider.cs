using System.Collections.Concurrent;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.Storage;

/// <summary>
/// Blob containers, each made on first use: an app that never receives a large image nor keeps a knowledge base needs
/// no Blob endpoint and makes no Blob call.
/// </summary>
internal sealed class BlobContainerProvider(IOptions<StorageOptions> options)
{
    /// <summary>Large images waiting for the question about them.</summary>
    public const string ImagesContainer = "wechat-images";

    /// <summary>The vectors of the knowledge base's documents.</summary>
    public const string KnowledgeContainer = "wechat-knowledge";

    private readonly ConcurrentDictionary<string, CreatedOnFirstUse<BlobContainerClient>> _containers = new(StringComparer.Ordinal);

    private readonly Lazy<BlobServiceClient> _service = new(() => CreateService(options.Value));

    public Task<BlobContainerClient> GetAsync(CancellationToken cancellationToken) => GetAsync(ImagesContainer, cancellationToken);

    public Task<BlobContainerClient> GetAsync(string containerName, CancellationToken cancellationToken) =>
        _containers.GetOrAdd(containerName, name => new CreatedOnFirstUse<BlobContainerClient>(() => CreateAsync(name))).GetAsync(cancellationToken);

    private async Task<BlobContainerClient> CreateAsync(string containerName)
    {
        var container = _service.Value.GetBlobContainerClient(containerName);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private static BlobServiceClient CreateService(StorageOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(
                options.BlobServiceUri ?? throw new InvalidOperationException("Large images and the knowledge base need Blob Storage: set AzureWebJobsStorage__accountName or AzureWebJobsStorage__blobServiceUri."),
                new DefaultAzureCredential(),
                clientOptions);
    }
}
