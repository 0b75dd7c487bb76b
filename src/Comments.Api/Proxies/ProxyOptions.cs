namespace Comments.Api.Proxies;

/// <summary>
/// The reverse proxies in front of the API (section <c>Proxies</c>): only their X-Forwarded-For is believed, so that
/// anonymous limits count each real client and nobody can claim another address. None configured: loopback only.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxies";

    /// <summary>Addresses of the proxies, such as 10.0.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, such as 10.0.0.0/8.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
