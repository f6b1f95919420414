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

        if (section["tableServiceUri"] is { Length: > 0 } serviceUri && Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri))
        {
            options.TableServiceUri = uri;
        }
        else if (section["accountName"] is { Length: > 0 } accountName)
        {
            options.TableServiceUri = new Uri($"https://{accountName}.table.core.windows.net");
        }
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString) && options.TableServiceUri is null
            ? ValidateOptionsResult.Fail(
                $"Setting '{SettingName}' is required: a storage connection string (UseDevelopmentStorage=true for Azurite), or '{SettingName}__accountName' for a managed identity.")
            : ValidateOptionsResult.Success;
}
