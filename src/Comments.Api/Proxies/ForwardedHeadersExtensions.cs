using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Comments.Api.Proxies;

public static class ForwardedHeadersExtensions
{
    /// <summary>ASP.NET Core's forwarded headers, trusting only the configured proxies (and loopback, its default).</summary>
    public static IHostApplicationBuilder AddForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection(ProxyOptions.SectionName).Get<ProxyOptions>() ?? new ProxyOptions();
        // Parsed here, so that a mistyped address stops the start instead of failing the first request.
        var addresses = proxies.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Parse<IPAddress?>(p, IPAddress.TryParse)!).ToList();
        var networks = proxies.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Parse<System.Net.IPNetwork>(n, System.Net.IPNetwork.TryParse)).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            addresses.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return builder;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T Parse<T>(string text, TryParse<T> tryParse) => tryParse(text.Trim(), out var value)
        ? value
        : throw new InvalidOperationException($"{ProxyOptions.SectionName}: '{text}' is not an address or a network in CIDR notation.");
}
