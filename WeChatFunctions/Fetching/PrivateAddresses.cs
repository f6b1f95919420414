using System.Net;
using System.Net.Sockets;

namespace WeChatFunctions.Fetching;

/// <summary>Addresses a URL from outside must not lead to: this machine, its link-local metadata endpoints, private networks.</summary>
internal static class PrivateAddresses
{
    public static bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Link-local fe80::/10, unique local fc00::/7, multicast ff00::/8.
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var bytes = address.GetAddressBytes();
        return bytes[0] switch
        {
            0 or 10 or 127 => true,
            100 => bytes[1] is >= 64 and < 128, // carrier-grade NAT 100.64.0.0/10
            169 => bytes[1] == 254, // link-local, where cloud metadata endpoints live
            172 => bytes[1] is >= 16 and < 32,
            192 => bytes[1] == 168,
            >= 224 => true, // multicast and reserved
            _ => false,
        };
    }
}
