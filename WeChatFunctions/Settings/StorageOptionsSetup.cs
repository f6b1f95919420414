using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace WeChatFunctions.Settings;

/// <summary>Binds <see cref="StorageOptions"/> from the Functions host's setting names, which do not fit the binder.</summary>
internal sealed class StorageOptionsSetup(IConfiguration configuration) : IConfigureOptions<StorageOptions>, IValidateOptions<StorageOptions>
{
    private const string SettingName = "AzureWebJobsStorage";

    public void Configure(StorageOptions options)
    {
        var section = configuration.GetSection(SettingName);
        options.ConnectionString = section.Value;

        options.TableServiceUri = ServiceUri(section, "table");
        options.BlobServiceUri = ServiceUri(section, "blob");
    }

    /// <summary>The identity-based form: <c>__{service}ServiceUri</c>, or the account's default endpoint from <c>__accountName</c>.</summary>
    private static Uri? ServiceUri(IConfigurationSection section, string service)
    {
        if (section[$"{service}ServiceUri"] is { Length: > 0 } serviceUri && Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        return section["accountName"] is { Length: > 0 } accountName ? new Uri($"https://{accountName}.{service}.core.windows.net") : null;
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is null
            ? ValidateOptionsResult.Fail(
                $"Setting '{SettingName}' is required: a storage connection string (UseDevelopmentStorage=true for Azurite), or '{SettingName}__accountName' for a managed identity.")
            : ValidateOptionsResult.Success;
}
