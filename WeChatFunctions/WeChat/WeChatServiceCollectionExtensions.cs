using Microsoft.Extensions.Options;
using WeChatFunctions.Settings;

namespace WeChatFunctions.WeChat;

internal static class WeChatServiceCollectionExtensions
{
    public static IServiceCollection AddWeChat(this IServiceCollection services) =>
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<WeChatOptions>>().Value;
            var keys = new[] { options.EncodingAesKey, options.PreviousEncodingAesKey }
                .Where(key => !string.IsNullOrEmpty(key))
                .Select(key => new MessageCrypto(key!, options.AppId ?? ""))
                .ToList();
            return new MessageCryptoKeyring(keys);
        });
}
