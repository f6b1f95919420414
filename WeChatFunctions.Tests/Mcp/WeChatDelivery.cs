using WeChatFunctions.Tests.Infrastructure;

namespace WeChatFunctions.Tests.Mcp;

internal static class WeChatDelivery
{
    /// <summary>Asks as WeChat does, with its retries: a slow first attempt on a busy machine is not a failure.</summary>
    public static async Task<string> AskAsync(WeChatApplication application, string followerId, string question) =>
        (await new WeChatPlatform(application.CreateWeChatClient()).DeliverAsync(SignedPush.Text(question).From(followerId))).Content;
}
