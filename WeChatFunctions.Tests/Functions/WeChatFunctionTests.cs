using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WeChatFunctions.Functions;
using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Functions;

/// <summary>
/// The <c>wechat</c> function class as the worker calls it: a new instance from the app's services, given the
/// request's real <see cref="HttpContext"/>, its result then written to the response the host proxies back.
/// </summary>
public sealed class WeChatFunctionTests(WeChatFixture fixture) : IClassFixture<WeChatFixture>
{
    [Fact]
    public async Task ASignedCheckIsEchoedAsPlainText()
    {
        var context = Request(HttpMethods.Get, SignedQuery() + "&echostr=function-echo");

        var (status, contentType, body) = await InvokeAsync(context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        Assert.Equal("function-echo", body);
    }

    [Fact]
    public async Task AForgedCheckIsRefusedWithoutEcho()
    {
        var context = Request(HttpMethods.Get, SignedQuery("wrong-token") + "&echostr=function-echo");

        var (status, _, body) = await InvokeAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.DoesNotContain("function-echo", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedTextMessageGetsTheModelsAnswerAsReplyXml()
    {
        var follower = WeChatClient.NewFollowerId();
        var push = SignedPush.Text("函数直接调用").From(follower);
        var context = Request(HttpMethods.Post, SignedQuery(), push.Body);

        var (status, contentType, body) = await InvokeAsync(context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.StartsWith("application/xml", contentType, StringComparison.Ordinal);
        var reply = XElement.Parse(body);
        Assert.Equal(follower, reply.Element("ToUserName")?.Value);
        Assert.Equal(SignedPush.AccountId, reply.Element("FromUserName")?.Value);
        Assert.Equal("回答：函数直接调用", reply.Element("Content")?.Value);
    }

    private static string SignedQuery(string token = WeChatApplication.WeChatToken)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatClient.NewNonce();
        return $"?timestamp={timestamp}&nonce={nonce}&signature={WeChatSigner.Sign(token, timestamp, nonce)}";
    }

    private DefaultHttpContext Request(string method, string query, string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = fixture.StartApplication().Services };
        context.Request.Method = method;
        context.Request.Path = WeChatFunction.Path;
        context.Request.QueryString = new QueryString(query);
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "text/xml";
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<(int Status, string? ContentType, string Body)> InvokeAsync(DefaultHttpContext context)
    {
        var function = ActivatorUtilities.CreateInstance<WeChatFunction>(context.RequestServices);

        var result = await function.RunAsync(context.Request);
        await result.ExecuteAsync(context);

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, context.Response.ContentType, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
