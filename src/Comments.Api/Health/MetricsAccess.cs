using System.Net;

namespace Comments.Api.Health;

/// <summary>
/// /metrics answers only the machine itself and the networks in <c>Metrics:AllowedNetworks</c> (CIDR): its figures
/// (queues, refusals, routes) help an attacker time a flood. Anyone else gets 404, as if it were not there.
/// </summary>
public static class MetricsAccess
{
    public const string AllowedNetworksKey = "Metrics:AllowedNetworks";

    public static TBuilder RestrictToScrapers<TBuilder>(this TBuilder endpoint, IConfiguration configuration) where TBuilder : IEndpointConventionBuilder
    {
        var networks = (configuration.GetSection(AllowedNetworksKey).Get<string[]>() ?? []).Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"{AllowedNetworksKey}: '{n}' is not a network in CIDR notation."))
            .ToList();
        endpoint.Add(builder =>
        {
            var inner = builder.RequestDelegate!;
            builder.RequestDelegate = http =>
            {
                var caller = http.Connection.RemoteIpAddress;
                var allowed = caller is not null && (IPAddress.IsLoopback(caller) || networks.Any(n => n.Contains(caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller)));
                if (allowed)
                {
                    return inner(http);
                }
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        });
        return endpoint;
    }
}
