using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Comments.Api.Auth;
using Comments.Api.Standing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Tests;

/// <summary>
/// The API in-process on real Kestrel (so that limits such as the request body size apply as in production), on
/// the real PostgreSQL and RabbitMQ from scripts/test.sh, in Development unless told otherwise.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly TimeProvider? _clock;
    private readonly System.Net.IPAddress? _remoteAddress;
    private readonly Action<IServiceCollection>? _testServices;

    /// <summary>Limits high enough that tests posting many comments as one reader are not throttled.</summary>
    public static readonly IReadOnlyDictionary<string, string?> GenerousRateLimits = new Dictionary<string, string?>
    {
        ["RateLimits:PostingBurst"] = "100000",
        ["RateLimits:ReportsPerWindow"] = "100000",
        ["RateLimits:ReactionsPerWindow"] = "100000",
        ["RateLimits:HelpRequestsPerWindow"] = "100000",
        ["RateLimits:HelpRequestLookupsPerWindow"] = "100000",
        ["RateLimits:HelpPreviewsPerWindow"] = "100000",
        ["RateLimits:DraftChecksPerWindow"] = "100000",
        ["RateLimits:NoticesPerWindow"] = "100000",
        ["LegalNotices:MaxPerNotifierPerDay"] = "100000",
    };

    /// <param name="clock">
    /// The API's clock, for tests of leases, windows and service levels (a <c>FakeTimeProvider</c>). Polly's pipelines
    /// take it from the container too, so their timeouts and back-offs stand still with it: such a test must not depend
    /// on a retry or a timeout.
    /// </param>
    public ApiFactory(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", bool productionRateLimits = false,
        TimeProvider? clock = null, System.Net.IPAddress? remoteAddress = null, Action<IServiceCollection>? testServices = null)
    {
        var merged = productionRateLimits ? new Dictionary<string, string?>() : new Dictionary<string, string?>(GenerousRateLimits);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }
        _settings = merged;
        _environment = environment;
        _clock = clock;
        _remoteAddress = remoteAddress;
        _testServices = testServices;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureLogging(logging => logging.AddProvider(LogRecorder.Shared));
        builder.ConfigureServices(services => services.AddTraceRecorder());
        if (_remoteAddress is { } remote)
        {
            // Every caller seems to come from this address (a proxy's), before any of the API's middleware runs.
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remote)));
        }
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Loads this instance's set of banned and suspended readers now: a standing a test writes straight to the
    /// database, without the endpoint's event, reaches the set only at the next refresh otherwise.
    /// </summary>
    public Task RefreshStandingsAsync() => Services.GetRequiredService<ReaderStandings>().RefreshAsync(CancellationToken.None);

    /// <summary>A client signed in as the given reader with a token signed the way the host site would.</summary>
    public HttpClient CreateClientFor(string userId, string? name = null, params string[] roles) => CreateClientWith(TokenFor(userId, name, roles));

    public HttpClient CreateClientWith(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <param name="userId">The <c>sub</c> claim; empty for a token without one.</param>
    public string TokenFor(string userId, string? name = null, string[]? roles = null, DateTime? expires = null, string? signingKey = null,
        IEnumerable<Claim>? extraClaims = null, string? issuer = null, string? audience = null)
    {
        var auth = Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var claims = new List<Claim> { new("name", name ?? userId) };
        if (userId.Length > 0)
        {
            claims.Add(new("sub", userId));
        }
        claims.AddRange(extraClaims ?? []);
        claims.AddRange((roles is { Length: > 0 } ? roles : [Roles.Reader]).Select(role => new Claim("role", role)));
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? auth.SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer ?? auth.Issuer,
            Audience = audience ?? auth.Audience,
            // Valid from before now, so that a token that lasts past a test's advanced clock is valid on either clock.
            NotBefore = (expires is { } end && end < DateTime.UtcNow ? end : DateTime.UtcNow).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

internal sealed class RemoteAddressFilter(System.Net.IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress = address;
            return nextMiddleware(http);
        });
        next(app);
    };
}
