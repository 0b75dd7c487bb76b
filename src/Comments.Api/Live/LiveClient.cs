using System.Net;
using System.Net.Sockets;

namespace Comments.Api.Live;

/// <summary>Whose streams count together against the per-client cap: an IPv4 address, or an IPv6 /64 (one household's prefix).</summary>
public static class LiveClient
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
