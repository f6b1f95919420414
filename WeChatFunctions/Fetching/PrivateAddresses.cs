using System.Net;
using System.Net.Sockets;

namespace WeChatFunctions.Fetching;

/// <summary>
/// Addresses a URL from outside must not lead to: this machine, link-local and cloud platform endpoints, private,
/// shared and reserved networks. An IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by the IPv4
/// address it leads to. The ranges are IANA's special-purpose registries (RFC 6890).
/// </summary>
internal static class PrivateAddresses
{
    private static readonly IPNetwork[] Refused =
    [
        .. new[]
        {
            "0.0.0.0/8", // "this network"
            "10.0.0.0/8",
            "100.64.0.0/10", // carrier-grade NAT
            "127.0.0.0/8",
            "168.63.129.16/32", // Azure's platform endpoint (DHCP, DNS, health probes, the VM agent)
            "169.254.0.0/16", // link-local, where cloud metadata endpoints live
            "172.16.0.0/12",
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", // documentation
            "192.88.99.0/24", // 6to4 relays
            "192.168.0.0/16",
            "198.18.0.0/15", // benchmarking, used inside some clouds
            "198.51.100.0/24", // documentation
            "203.0.113.0/24", // documentation
            "224.0.0.0/4", // multicast
            "240.0.0.0/4", // reserved, and 255.255.255.255
            "::/96", // unspecified, loopback and the deprecated IPv4-compatible addresses
            "64:ff9b:1::/48", // local-use NAT64
            "100::/64", // discard-only
            "2001::/32", // Teredo: the IPv4 address inside is obfuscated, and a tunnel could lead anywhere
            "2001:db8::/32", // documentation
            "fc00::/7", // unique local
            "fe80::/10", // link-local
            "fec0::/10", // the deprecated site-local
            "ff00::/8", // multicast
        }.Select(IPNetwork.Parse),
    ];

    private static readonly IPNetwork Mapped = IPNetwork.Parse("::ffff:0:0/96");

    private static readonly IPNetwork Translated = IPNetwork.Parse("::ffff:0:0:0/96");

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static bool Contains(IPAddress address) =>
        EmbeddedIPv4(address) is { } inner ? Contains(inner) : Refused.Any(network => network.Contains(address));

    /// <returns>The IPv4 address an IPv6 one leads to, or <see langword="null"/> when it carries none.</returns>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (Mapped.Contains(address) || Translated.Contains(address) || Nat64.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }
}
