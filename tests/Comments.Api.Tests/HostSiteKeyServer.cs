using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Comments.Api.Tests;

/// <summary>
/// The host news site's key server, over real HTTP on a free loopback port: its JWKS document at <c>/jwks.json</c> and
/// an OpenID Connect discovery document naming it. <see cref="Publish"/> replaces the keys, as a site rotating them does.
/// </summary>
public sealed class HostSiteKeyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile SiteSigningKey[] _published = [];
    private int _jwksFetches;

    private HostSiteKeyServer(WebApplication app, string issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public string Issuer { get; }
    public Uri Address { get; private set; } = null!;
    public string JwksUrl => new Uri(Address, "jwks.json").ToString();
    public string Authority => Address.ToString().TrimEnd('/');

    /// <summary>How often the JWKS document was read: the API's fetches, for failure messages.</summary>
    public int JwksFetches => Volatile.Read(ref _jwksFetches);

    public static async Task<HostSiteKeyServer> StartAsync(string issuer)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new HostSiteKeyServer(builder.Build(), issuer);
        server._app.MapGet("/jwks.json", () =>
        {
            Interlocked.Increment(ref server._jwksFetches);
            return Results.Json(new { keys = server._published.Select(key => key.PublicJwk).ToArray() });
        });
        server._app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = server.Issuer,
            ["jwks_uri"] = server.JwksUrl,
        }));
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>From now on the site publishes exactly these keys.</summary>
    public void Publish(params SiteSigningKey[] keys) => _published = keys;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
