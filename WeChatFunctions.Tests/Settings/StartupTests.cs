using System.Net;
using System.Text.Json;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Settings;

/// <summary>The app as an operator meets it: started as a process, standalone or under the Functions host.</summary>
public sealed class StartupTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>, IDisposable
{
    internal static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("wechatfunctions-").FullName;

    /// <summary>The least an app needs to start, for tests that start it as a process with one thing changed.</summary>
    internal static Dictionary<string, string?> ValidSettings() => new()
    {
        ["wechat_token"] = "processtoken",
        ["chat_gpt_token"] = "sk-process",
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
    };

    [Theory]
    [InlineData("wechat_token", null)]
    [InlineData("chat_gpt_token", null)]
    [InlineData("AzureWebJobsStorage", null)]
    [InlineData("max_context_tokens", "lots")]
    [InlineData("chat_gpt_endpoint", "not a url")]
    [InlineData("wechat_token", "bad token!")]
    [InlineData("reply_deadline_ms", "6000")]
    [InlineData("daily_limit", "-1")]
    [InlineData("quota_timezone", "Mars/Olympus")]
    [InlineData("wechat_encoding_aes_key", "too-short")]
    [InlineData("daily_token_limit", "-5")]
    [InlineData("daily_token_limit", "1000")]
    [InlineData("global_daily_token_limit", "1024")]
    [InlineData("rate_limit_per_minute", "-1")]
    [InlineData("price_per_1k_prompt_tokens", "-0.5")]
    [InlineData("moderation", "everything")]
    [InlineData("moderation", "keywords")]
    [InlineData("moderation", "azure")]
    [InlineData("banned_words_file", "/no/such/banned-words.txt")]
    [InlineData("token", "fifteen-chars-x")]
    [InlineData("claim_timeout_seconds", "30")]
    [InlineData("reply_mode", "push")]
    [InlineData("reply_mode", "customer_service")] // without wechat_app_id and wechat_app_secret
    [InlineData("max_pushed_messages", "6")]
    [InlineData("wechat_api_base", "ftp://api.weixin.qq.com")]
    [InlineData("wechat_api_base", "http://api.weixin.qq.com")] // secrets only over https
    [InlineData("chat_gpt_endpoint", "http://api.openai.example/v1")]
    [InlineData("public_base_url", "http://wechat.example.com")]
    [InlineData("knowledge_search_endpoint", "http://search.example.net")]
    [InlineData("azure_content_safety_endpoint", "http://10.0.0.4/")]
    [InlineData("speech_endpoint", "http://speech.example.com/")]
    [InlineData("speech_locales", "zh-CN,中文")]
    [InlineData("tools", "current_time,teleport")]
    [InlineData("max_tool_rounds", "11")]
    [InlineData("mcp_servers", "https://orders.example.com/mcp")] // not name=url
    [InlineData("mcp_servers", "orders-v2=https://orders.example.com/mcp")] // names become setting names: no dashes
    [InlineData("mcp_servers", "orders=orders.example.com/mcp")]
    [InlineData("mcp_servers", "orders=ftp://orders.example.com/mcp")]
    [InlineData("mcp_servers", "orders=https://a.example.com/mcp,Orders=https://b.example.com/mcp")]
    [InlineData("mcp_servers", "orders=http://orders.example.com/mcp", "mcp_orders_token")] // a token only over https
    [InlineData("mcp_refresh_minutes", "0")]
    [InlineData("voice_reply", "sometimes")]
    [InlineData("voice_reply", "always")] // without wechat_app_id and wechat_app_secret
    [InlineData("tts_provider", "google")]
    [InlineData("tts_timeout_seconds", "0")]
    [InlineData("image_generation", "sometimes")]
    [InlineData("image_generation", "on")] // without wechat_app_id and wechat_app_secret: no picture could be sent
    [InlineData("image_size", "1024")]
    [InlineData("image_size", "64x64")]
    [InlineData("image_daily_limit", "-1")]
    [InlineData("price_per_image", "-0.04")]
    [InlineData("tools", "draw")] // with image_generation off
    public async Task AMissingOrMalformedSettingStopsTheAppWithOneLineNamingIt(string name, string? value, string? secretAlongside = null)
    {
        var settings = ValidSettings();
        settings[name] = value;
        if (secretAlongside is not null)
        {
            settings[secretAlongside] = "secret-alongside-0123456789";
        }

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        var line = await app.ConfigurationErrorAsync(StartTimeout);

        Assert.Contains($"'{name}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-alongside-0123456789", app.Output + app.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://my-resource.openai.azure.com/openai/v1/")]
    [InlineData("https://my-resource.cognitiveservices.azure.com/openai/v1/")]
    public async Task WithoutAKeyAnAzureOpenAIEndpointStartsWithEntraId(string endpoint)
    {
        var settings = ValidSettings();
        settings["chat_gpt_token"] = "";
        settings["chat_gpt_endpoint"] = endpoint;

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        using var http = await app.WaitUntilListeningAsync(StartTimeout);
        using var response = await new WeChatClient(http, "processtoken").VerifyAsync("entra");

        Assert.Equal("entra", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StandaloneTheAppReadsTheValuesOfLocalSettingsJson()
    {
        await WriteLocalSettingsAsync(ValidSettings());

        await using var app = AppProcess.Start(new Dictionary<string, string?>(), _directory, AppProcess.AnyLoopbackPort);
        using var http = await app.WaitUntilListeningAsync(StartTimeout);
        using var response = await new WeChatClient(http, "processtoken").VerifyAsync("from-file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from-file", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EnvironmentVariablesOverrideLocalSettingsJson()
    {
        await WriteLocalSettingsAsync(ValidSettings());

        await using var app = AppProcess.Start(new Dictionary<string, string?> { ["wechat_token"] = "fromenvironment" }, _directory, AppProcess.AnyLoopbackPort);
        using var http = await app.WaitUntilListeningAsync(StartTimeout);

        using var withFileToken = await new WeChatClient(http, "processtoken").VerifyAsync("x");
        using var withEnvironmentToken = await new WeChatClient(http, "fromenvironment").VerifyAsync("y");
        Assert.Equal(HttpStatusCode.Unauthorized, withFileToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withEnvironmentToken.StatusCode);
    }

    [Fact]
    public async Task UnderTheFunctionsHostABadSettingStopsTheWorkerWithOneLineNamingIt()
    {
        var settings = ValidSettings();
        settings["daily_limit"] = "-1";

        await using var app = AppProcess.Start(settings, _directory, FunctionsWorkerArguments.For(new Uri($"http://127.0.0.1:{FreePort.Next()}/")));
        var line = await app.ConfigurationErrorAsync(StartTimeout);

        Assert.Contains("'daily_limit'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretsNeverReachTheLogEvenAtTraceLevel()
    {
        var settings = ValidSettings();
        settings["chat_gpt_token"] = "sk-never-logged-1234";
        settings["chat_gpt_endpoint"] = fixture.Model.Endpoint.ToString();
        settings["AzureWebJobsStorage"] = fixture.Storage.ConnectionString;
        settings["Logging__LogLevel__Default"] = "Trace";

        await using var app = AppProcess.Start(settings, _directory, AppProcess.AnyLoopbackPort);
        using var http = await app.WaitUntilListeningAsync(StartTimeout);
        using var forged = await new WeChatClient(http, "wrong").VerifyAsync("x");
        var answer = await new WeChatClient(http, "processtoken").AskAsync(WeChatClient.NewFollowerId(), "日志里不能有密钥");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("回答：日志里不能有密钥", answer);
        Assert.DoesNotContain("sk-never-logged-1234", app.Output + app.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("processtoken", app.Output + app.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task WriteLocalSettingsAsync(Dictionary<string, string?> values) =>
        File.WriteAllTextAsync(Path.Combine(_directory, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
}
