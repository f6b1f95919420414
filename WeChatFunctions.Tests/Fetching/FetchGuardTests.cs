using System.Net;
using WeChatFunctions.Fetching;

namespace WeChatFunctions.Tests.Fetching;

/// <summary>What a URL from outside may lead to: public addresses on the allowed hosts.</summary>
public sealed class FetchGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void PrivateAndLocalAddressesAreRefused(string address)
    {
        Assert.True(PrivateAddresses.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:db8::1")]
    public void PublicAddressesAreAllowed(string address)
    {
        Assert.False(PrivateAddresses.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("mmbiz.qpic.cn", true)]
    [InlineData("qpic.cn", true)]
    [InlineData("wx.qlogo.cn", true)]
    [InlineData("evilqpic.cn", false)]
    [InlineData("qpic.cn.evil.example", false)]
    [InlineData("127.0.0.1", false)]
    public void OnlyTheConfiguredHostsAndTheirSubdomainsAreAllowed(string host, bool allowed)
    {
        var patterns = new HashSet<string>(["*.qpic.cn", "*.qlogo.cn"], StringComparer.Ordinal);

        Assert.Equal(allowed, HostPatterns.Allow(patterns, host));
    }
}
