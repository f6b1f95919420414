using System.Net;
using WeChatFunctions.Fetching;

namespace WeChatFunctions.Tests.Fetching;

/// <summary>What a URL from outside may lead to: public addresses on the allowed hosts.</summary>
public sealed class FetchGuardTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.255.255.255")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("168.63.129.16")] // Azure's platform endpoint
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("192.88.99.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.7")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::127.0.0.1")] // IPv4-compatible, deprecated
    [InlineData("100::1")]
    [InlineData("2001::1")] // Teredo
    [InlineData("2001:db8::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("fe80::1234:5678:9abc")] // Azure's IPv6 platform endpoint
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("64:ff9b:1::a00:1")] // local-use NAT64
    public void PrivateLocalAndReservedAddressesAreRefused(string address)
    {
        Assert.True(PrivateAddresses.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:168.63.129.16")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:198.18.0.1")]
    [InlineData("::ffff:100.64.0.1")]
    [InlineData("::ffff:0:127.0.0.1")] // IPv4-translated (SIIT)
    [InlineData("64:ff9b::127.0.0.1")] // NAT64
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 to 169.254.169.254
    [InlineData("64:ff9b::a83f:8110")] // NAT64 to 168.63.129.16
    [InlineData("64:ff9b::c0a8:101")] // NAT64 to 192.168.1.1
    [InlineData("2002:7f00:1::")] // 6to4 from 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1")] // 6to4 from 169.254.169.254
    [InlineData("2002:a00:1:1::1")] // 6to4 from 10.0.0.1
    [InlineData("2002:c612:1::1")] // 6to4 from 198.18.0.1
    public void AnIPv6AddressThatCarriesAPrivateIPv4OneIsRefused(string address)
    {
        Assert.True(PrivateAddresses.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("140.205.60.46")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("168.63.129.17")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2400:3200::1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")] // NAT64 to 8.8.8.8
    [InlineData("2002:808:808::1")] // 6to4 from 8.8.8.8
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
