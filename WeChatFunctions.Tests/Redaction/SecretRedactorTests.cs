using WeChatFunctions.Redaction;

namespace WeChatFunctions.Tests.Redaction;

public sealed class SecretRedactorTests
{
    private const string Secret = "admin-secret-token-1";

    private static readonly string[] Skeletons = [SecretRedactor.SkeletonOf(Secret)];

    [Theory]
    [InlineData("admin-secret-token-1", "[已隐藏]")]
    [InlineData("我的密码是admin-secret-token-1呀", "我的密码是[已隐藏]呀")]
    [InlineData("ADMIN-SECRET-TOKEN-1", "[已隐藏]")]
    [InlineData("ａｄｍｉｎ－ｓｅｃｒｅｔ－ｔｏｋｅｎ－１。", "[已隐藏]。")]
    [InlineData("a d m i n - s e c r e t - t o k e n - 1 !", "[已隐藏] !")]
    [InlineData("admin\u200B-secret\u00AD-token\u2060-1", "[已隐藏]")]
    [InlineData("admin\u3000-secret\n-token-\t1", "[已隐藏]")]
    [InlineData("两次：admin-secret-token-1 和 admin-secret-token-1", "两次：[已隐藏] 和 [已隐藏]")]
    [InlineData("重叠：admin-secret-token-admin-secret-token-1", "重叠：admin-secret-token-[已隐藏]")]
    public void ASecretIsReplacedHoweverItIsWritten(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text, Skeletons));

    [Theory]
    [InlineData("")]
    [InlineData("admin-secret-token-2")]
    [InlineData("admin-secret-token")]
    [InlineData("普通的问题，没有任何口令。")]
    [InlineData("😀 emoji 与 𠀀 扩展汉字")]
    public void TextWithoutTheSecretIsReturnedAsItIs(string text) =>
        Assert.Same(text, SecretRedactor.Redact(text, Skeletons));

    [Fact]
    public void OverlappingSecretsAreCoveredByOnePlaceholder()
    {
        string[] skeletons = [SecretRedactor.SkeletonOf("abcdefgh12345678"), SecretRedactor.SkeletonOf("12345678ABCDEFGH")];

        Assert.Equal("x[已隐藏]y", SecretRedactor.Redact("xabcdefgh12345678abcdefghy", skeletons));
    }
}
