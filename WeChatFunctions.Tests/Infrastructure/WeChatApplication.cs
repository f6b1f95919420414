using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace WeChatFunctions.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on a real Kestrel port on loopback, configured through the same flat settings the
/// Functions host passes as environment variables.
/// </summary>
public sealed class WeChatApplication : WebApplicationFactory<Program>
{
    public const string WeChatToken = "wechatfunctionstest";

    /// <summary>The admin token every test app starts with (the <c>token</c> setting).</summary>
    public const string AdminToken = "admin-secret-token-1";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _replaceServices;

    /// <param name="replaceServices">Replaces app services, such as the clock; everything else is the real app.</param>
    public WeChatApplication(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replaceServices = null)
    {
        _settings = settings;
        _replaceServices = replaceServices;
        lock (InProcessHosts.StartLock)
        {
            UseKestrel();
            StartServer();
        }
    }

    public static Dictionary<string, string?> DefaultSettings(AzuriteServer storage, FakeModelServer model) => new()
    {
        ["wechat_token"] = WeChatToken,
        ["chat_gpt_token"] = "sk-test-0123456789abcdef",
        ["chat_gpt_endpoint"] = model.Endpoint.ToString(),
        ["chat_gpt_model"] = "fake-gpt",
        ["chat_gpt_max_retries"] = "0",
        ["chat_gpt_timeout_seconds"] = "10",
        ["AzureWebJobsStorage"] = storage.ConnectionString,
        ["token"] = AdminToken,
        // Tests ask in quick succession; the rate limit has its own tests.
        ["rate_limit_per_minute"] = "0",
        // The image server is on loopback; the fetch guard has its own tests.
        ["image_url_hosts"] = "*",
        ["allow_private_network_fetch"] = "true",
    };

    public WeChatClient CreateWeChatClient() => new(CreateClient(), WeChatToken);

    /// <summary>The real loopback address Kestrel listens on, for clients outside this factory, such as the simulator.</summary>
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A free loopback port, chosen by Kestrel; UseKestrel(port) races with the server start and fails now and then.
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        foreach (var (name, value) in _settings)
        {
            builder.UseSetting(name, value);
        }

        if (_replaceServices is not null)
        {
            builder.ConfigureTestServices(_replaceServices);
        }
    }
}
