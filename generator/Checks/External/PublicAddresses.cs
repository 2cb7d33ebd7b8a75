using System.Net;
using System.Net.Sockets;

namespace SiteGen.Checks.External;

/// <summary>
/// Connects the link checker only to public addresses: the host name is resolved here and each
/// address checked before the socket opens, so neither a link, a redirect nor a DNS name that
/// points at 127.0.0.1, 10.x, 192.168.x or a cloud metadata address (169.254.169.254) reaches
/// a service on the machine or network that runs the check.
/// </summary>
public static class PublicAddresses
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext connection, bool allowPrivate, CancellationToken cancel)
    {
        var host = connection.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancel);
        var usable = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
        if (usable.Length == 0)
            throw new HttpRequestException($"refused to connect: {host} resolves to a loopback, private or link-local address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, connection.DnsEndPoint.Port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private, shared, link-local, multicast and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC);
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => false,
            100 => v4[1] < 64 || v4[1] > 127,  // 100.64.0.0/10, shared address space
            169 => v4[1] != 254,               // link-local, cloud metadata
            172 => v4[1] < 16 || v4[1] > 31,
            192 => !(v4[1] == 168 || (v4[1] == 0 && v4[2] == 0)),
            198 => v4[1] is not (18 or 19),    // benchmarking
            >= 224 => false,                   // multicast and reserved
            _ => true,
        };
    }
}
