using WeChatFunctions.Settings;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Settings;

/// <summary>
/// Endpoints that are sent keys and tokens take https; plain http only on loopback, where nothing leaves the machine,
/// or where the operator says so with <c>allow_insecure_endpoints=true</c>. Refusals at start-up are in
/// <see cref="StartupTests"/>.
/// </summary>
public sealed class SecureEndpointTests(WeChatFixture fixture) : FollowerTest(fixture)
{
    [Theory]
    [InlineData("https://api.openai.com/v1", false, true)]
    [InlineData("http://localhost:5000/v1", false, true)]
    [InlineData("http://LOCALHOST/", false, true)]
    [InlineData("http://127.0.0.1:7071/", false, true)]
    [InlineData("http://127.45.6.7/", false, true)]
    [InlineData("http://[::1]:8080/", false, true)]
    [InlineData("http://[::ffff:127.0.0.1]/", false, true)]
    [InlineData("http://api.weixin.qq.com/", false, false)]
    [InlineData("http://10.0.0.4/", false, false)]
    [InlineData("http://localhost.example.com/", false, false)]
    [InlineData("http://128.0.0.1/", false, false)]
    [InlineData("ftp://127.0.0.1/", true, false)]
    [InlineData("http://api.weixin.qq.com/", true, true)]
    public void OnlyHttpsLoopbackOrTheOverrideIsAccepted(string endpoint, bool allowInsecure, bool accepted)
    {
        var problem = SecureEndpoints.Problem("wechat_api_base", new Uri(endpoint), allowInsecure);

        Assert.Equal(accepted, problem is null);
        if (problem is not null)
        {
            Assert.StartsWith("Setting 'wechat_api_base' must be an https URL", problem, StringComparison.Ordinal);
        }
    }

    /// <summary>Without the override the same setting stops the app, which <see cref="StartupTests"/> shows.</summary>
    [Fact]
    public async Task WithTheOverrideAnHttpEndpointBeyondLoopbackIsUsed()
    {
        var application = Fixture.StartApplication(settings =>
        {
            settings["public_base_url"] = "http://wechat.test.example";
            settings[SecureEndpoints.OverrideSetting] = "true";
        });

        var reply = await AdminConsole.NewAdmin(application.CreateWeChatClient()).RunAsync("dashboard");

        Assert.Contains("\nhttp://wechat.test.example/api/dashboard?code=", reply, StringComparison.Ordinal);
    }
}
