using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.WeChat;

/// <summary>
/// The official WXBizMsgCrypt vectors (see ../shared/wechat-protocol.md), on both the app's side and WeChat's side,
/// which is the simulator's own <see cref="WeChatCipher"/> and <see cref="WeChatSigner"/>.
/// </summary>
public sealed class MessageCryptoTests
{
    private const string SampleKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    // Vector A: the official encrypt sample.
    private const string VectorAAppId = "wxb11529c136998cb6";
    private const string VectorAMessage = "我是中文abcd123";
    private const string VectorAEncrypted = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    // Vector B: the decrypt sample of the official Python Sample.py.
    private const string VectorBAppId = "wx2c2769f8efd9abc2";
    private const string VectorBEncrypted =
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    // Vector D: the WeCom sample, the same algorithm with a corp id in place of the AppId.
    private const string VectorDKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string VectorDAppId = "wx49f0ab532d5d035a";
    private const string VectorDEncrypted =
        "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";

    private static readonly byte[] VectorARandom = Encoding.ASCII.GetBytes("aaaabbbbccccdddd");

    [Fact]
    public void VectorAEncryptsExactlyOnBothSides()
    {
        Assert.Equal(VectorAEncrypted, new MessageCrypto(SampleKey, VectorAAppId).Encrypt(VectorAMessage, VectorARandom));
        Assert.Equal(VectorAEncrypted, new WeChatCipher(SampleKey, VectorAAppId).Encrypt(VectorAMessage, VectorARandom));
    }

    [Fact]
    public void VectorBIsSignedAndDecryptsToTheSampleTextMessage()
    {
        Assert.True(Signature.Verify("5d197aaffba7e9b25a30732f161a50dee96bd5fa", "spamtest", "1409735669", "1320562132", VectorBEncrypted));
        Assert.Equal("5d197aaffba7e9b25a30732f161a50dee96bd5fa", WeChatSigner.Sign("spamtest", "1409735669", "1320562132", VectorBEncrypted));
        Assert.True(new MessageCrypto(SampleKey, VectorBAppId).TryDecrypt(VectorBEncrypted, out var message, out var error), error);

        var xml = XElement.Parse(message);
        Assert.Equal("abcdteT", xml.Element("Content")!.Value);
        Assert.Equal("6054768590064713728", xml.Element("MsgId")!.Value);
        Assert.Equal(message, new WeChatCipher(SampleKey, VectorBAppId).Decrypt(VectorBEncrypted));
    }

    [Fact]
    public void VectorDIsSignedAndDecryptsToTheWeComSample()
    {
        Assert.True(Signature.Verify("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "123456", "1411525903", "461056294", VectorDEncrypted));
        Assert.Equal("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", WeChatSigner.Sign("123456", "1411525903", "461056294", VectorDEncrypted));
        Assert.Equal(new WeChatCipher(VectorDKey, VectorDAppId).Decrypt(VectorDEncrypted), new MessageCrypto(VectorDKey, VectorDAppId).TryDecrypt(VectorDEncrypted, out var fromApp, out _) ? fromApp : null);
        Assert.True(new MessageCrypto(VectorDKey, VectorDAppId).TryDecrypt(VectorDEncrypted, out var message, out var error), error);

        var xml = XElement.Parse(message);
        Assert.Equal("test", xml.Element("Content")!.Value);
        Assert.Equal("messense", xml.Element("FromUserName")!.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("你好")]
    [InlineData("<xml><Content><![CDATA[混合 text 与 emoji 😀]]></Content></xml>")]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(2048)]
    public void RandomRoundTripsDecryptOnBothSides(object messageOrLength)
    {
        var message = messageOrLength as string ?? new string('汉', (int)messageOrLength);
        var key = RandomEncodingAesKey();
        var crypto = new MessageCrypto(key, "wxroundtrip");

        var encrypted = crypto.Encrypt(message, RandomNumberGenerator.GetBytes(16));

        Assert.True(crypto.TryDecrypt(encrypted, out var decrypted, out _));
        Assert.Equal(message, decrypted);
        Assert.Equal(message, new WeChatCipher(key, "wxroundtrip").Decrypt(encrypted));
        Assert.True(crypto.TryDecrypt(new WeChatCipher(key, "wxroundtrip").Encrypt(message), out var fromWeChat, out _));
        Assert.Equal(message, fromWeChat);
    }

    [Theory]
    [InlineData("wrong AppId", "another AppId")]
    [InlineData("padding 0", "padding")]
    [InlineData("padding 33", "padding")]
    [InlineData("last block flipped", "")]
    [InlineData("truncated base64", "")]
    [InlineData("one block short", "blocks")]
    public void TamperedCiphertextIsRejected(string tampering, string reason)
    {
        var cipher = new WeChatCipher(SampleKey, VectorAAppId);
        var encrypted = tampering switch
        {
            "wrong AppId" => cipher.Encrypt(VectorAMessage, asAppId: "wx0000000000000000"),
            "padding 0" => cipher.Encrypt(VectorAMessage, paddingByte: 0),
            "padding 33" => cipher.Encrypt(VectorAMessage, paddingByte: 33),
            "last block flipped" => FlipByte(cipher.Encrypt(VectorAMessage), fromEnd: 20),
            "truncated base64" => VectorAEncrypted[..^5],
            _ => Convert.ToBase64String(Convert.FromBase64String(VectorAEncrypted)[16..]),
        };

        Assert.False(new MessageCrypto(SampleKey, VectorAAppId).TryDecrypt(encrypted, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!", false)]
    [InlineData(SampleKey, true)]
    public void AnEncodingAesKeyIs43Base64Characters(string? key, bool valid) => Assert.Equal(valid, MessageCrypto.IsValidEncodingAesKey(key));

    public static string RandomEncodingAesKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))[..43];

    public static string FlipByte(string encrypted, int fromEnd)
    {
        var bytes = Convert.FromBase64String(encrypted);
        bytes[^fromEnd] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
