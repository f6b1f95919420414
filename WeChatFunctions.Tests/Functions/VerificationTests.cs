using System.Net;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Functions;

public sealed class VerificationTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task ASignedCheckEchoesTheEchostr()
    {
        using var response = await fixture.WeChat.VerifyAsync("echo-5678901234");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo-5678901234", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Signing.Forged)]
    [InlineData(Signing.None)]
    public async Task AForgedOrUnsignedCheckIsRefusedWithoutEcho(Signing signing)
    {
        using var response = await fixture.WeChat.VerifyAsync("echo-secret", signing);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("echo-secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckStampedMoreThanFiveMinutesAgoIsRefused()
    {
        using var response = await fixture.WeChat.VerifyAsync("echo-stale", stampedAt: DateTimeOffset.UtcNow.AddMinutes(-10));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("echo-stale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
