using System.Net;

namespace WeChatFunctions.Settings;

/// <summary>Reads a list of IP addresses and CIDR ranges, such as <c>trusted_proxies</c>.</summary>
internal static class AddressRanges
{
    /// <returns>The ranges, or <see langword="null"/> with <paramref name="bad"/> naming the first entry that is neither.</returns>
    public static IReadOnlyList<IPNetwork>? Parse(string? value, out string? bad)
    {
        bad = null;
        var ranges = new List<IPNetwork>();
        foreach (var entry in CommaSeparated.Parse(value))
        {
            if (IPNetwork.TryParse(entry, out var range))
            {
                ranges.Add(range);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                ranges.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                bad = entry;
                return null;
            }
        }

        return ranges;
    }
}
