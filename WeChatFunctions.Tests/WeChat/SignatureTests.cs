using WeChatFunctions.Tests.Infrastructure;
using WeChatFunctions.WeChat;

namespace WeChatFunctions.Tests.WeChat;

public sealed class SignatureTests
{
    // The official example from Access_Overview (see ../shared/wechat-protocol.md).
    private const string Token = "AAAAA";
    private const string Timestamp = "1714037059";
    private const string Nonce = "486452656";
    private const string Expected = "899cf89e464efb63f54ddac96b0a0a235f53aa78";

    [Fact]
    public void TheAppsSignatureMatchesTheOfficialVector() => Assert.Equal(Expected, Signature.Compute(Token, Timestamp, Nonce));

    [Fact]
    public void TheTestClientsSignatureMatchesTheOfficialVector() => Assert.Equal(Expected, WeChatSigner.Sign(Token, Timestamp, Nonce));

    [Fact]
    public void TheOrderOfThePartsDoesNotMatter() => Assert.Equal(Expected, Signature.Compute(Nonce, Token, Timestamp));

    [Fact]
    public void TheOfficialSignatureVerifiesInEitherCase()
    {
        Assert.True(Signature.Verify(Expected, Token, Timestamp, Nonce));
        Assert.True(Signature.Verify(Expected.ToUpperInvariant(), Token, Timestamp, Nonce));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("899cf89e464efb63f54ddac96b0a0a235f53aa79")]
    [InlineData("899cf89e")]
    public void AnythingElseFailsVerification(string? signature) => Assert.False(Signature.Verify(signature, Token, Timestamp, Nonce));

    [Fact]
    public void SortingIsOrdinalNotCultural() =>
        Assert.Equal(WeChatSigner.Sign("a", "B", "_"), Signature.Compute("_", "a", "B"));
}
