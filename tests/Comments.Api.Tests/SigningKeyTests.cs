using System.Net;
using Comments.Api.Auth;
using Comments.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Tests;

/// <summary>
/// Readers' tokens signed RS256 or ES256 with keys the host site publishes (a JWKS document or an OpenID Connect
/// discovery document, served over HTTP by <see cref="HostSiteKeyServer"/>), beside or instead of the shared HS256 key.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class SigningKeyTests
{
    private const string ProductionIssuer = "https://news.example";

    [Fact]
    public async Task Tokens_signed_with_the_sites_published_rsa_and_ec_keys_are_accepted_beside_its_hs256_key()
    {
        await using var site = await HostSiteKeyServer.StartAsync("comments-dev");
        using var rsa = SiteSigningKey.Rsa("site-rsa-1");
        using var ec = SiteSigningKey.EllipticCurve("site-ec-1");
        site.Publish(rsa, ec);
        // Development: the HS256 key and issuer of appsettings.Development.json, and the site's published keys.
        await using var api = new ApiFactory(AlsoPublishedKeys(site));
        var reader = TestData.NewUserId();

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(api, rsa.Sign(reader, site.Issuer)));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(api, ec.Sign(reader, site.Issuer)));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(api, api.TokenFor(reader)));
    }

    [Fact]
    public async Task Tokens_not_signed_by_a_published_rsa_or_ec_key_or_the_shared_key_are_401()
    {
        await using var site = await HostSiteKeyServer.StartAsync("comments-dev");
        using var rsa = SiteSigningKey.Rsa("site-rsa-1");
        using var leaked = SiteSigningKey.PublishedSecret("site-secret-1");
        using var stranger = SiteSigningKey.Rsa("stranger-1");
        using var impostor = SiteSigningKey.Rsa(rsa.KeyId);
        site.Publish(rsa, leaked);
        await using var api = new ApiFactory(AlsoPublishedKeys(site));
        var reader = TestData.NewUserId();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(api, rsa.Sign(reader, site.Issuer)));

        var forged = new Dictionary<string, string>
        {
            ["a key the site never published"] = stranger.Sign(reader, site.Issuer),
            ["another key under the site's key id"] = impostor.Sign(reader, site.Issuer),
            ["alg none"] = Unsigned(reader, site.Issuer),
            // Algorithm confusion: HS256 with the site's public RSA key as the secret, under the RSA key's id.
            ["HS256 keyed with the RSA public key (PEM)"] = SiteSigningKey.SignWith(HmacWith(rsa.PublicKeyBytes[0], rsa.KeyId), reader, site.Issuer),
            ["HS256 keyed with the RSA public key (DER)"] = SiteSigningKey.SignWith(HmacWith(rsa.PublicKeyBytes[1], rsa.KeyId), reader, site.Issuer),
            // The library drops keys it cannot use to check a signature, "oct" ones included (SkipUnresolvedJsonWebKeys).
            ["HS256 with a symmetric key the site put in its JWKS document"] = leaked.Sign(reader, site.Issuer),
        };
        var accepted = new List<string>();
        foreach (var (what, token) in forged)
        {
            if (await StatusWithAsync(api, token) is var status && status != HttpStatusCode.Unauthorized)
            {
                accepted.Add($"{what}: {(int)status}");
            }
        }

        Assert.True(accepted.Count == 0, "Forged tokens not refused with 401: " + string.Join("; ", accepted));
    }

    [Theory]
    [InlineData(PublishedKeySource.JwksDocument)]
    [InlineData(PublishedKeySource.Discovery)]
    public async Task When_the_site_rotates_its_key_the_api_takes_the_new_one_and_drops_the_old_without_a_restart(PublishedKeySource source)
    {
        await using var site = await HostSiteKeyServer.StartAsync(ProductionIssuer);
        using var current = SiteSigningKey.Rsa("site-2026-01");
        using var next = SiteSigningKey.EllipticCurve("site-2026-02");
        site.Publish(current);
        await using var api = new ApiFactory(OnlyPublishedKeys(site, source), "Production");
        var reader = TestData.NewUserId();
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(api, current.Sign(reader, site.Issuer)));

        var fetched = site.JwksFetches;
        site.Publish(next);

        // The first token with the new key id makes the API fetch the keys again, in the background, at once: nothing
        // was refused before it here (every refused token asks for a fetch, and after the first fetch so asked for, the
        // next waits for RefreshInterval, on the real clock).
        await Eventually.Until(() => StatusWithAsync(api, next.Sign(reader, site.Issuer)), status => status == HttpStatusCode.OK,
            $"the API ({source}) to accept a token signed with the key {next.KeyId} the site rotated to");
        Assert.True(site.JwksFetches > fetched, "the new key should have come from a fetch of the site's JWKS document");
        // The withdrawn key no longer works (no fallback to a "last known good" set of keys).
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(api, current.Sign(reader, site.Issuer)));
        // With published keys only, HS256 is not on the list, whatever the key.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(api, api.TokenFor(reader, signingKey: AuthOptions.DevelopmentSigningKey)));
    }

    /// <summary>A protected endpoint that any signed-in reader may call and that changes nothing.</summary>
    private static async Task<HttpStatusCode> StatusWithAsync(ApiFactory api, string token)
    {
        using var client = api.CreateClientWith(token);
        using var response = await client.GetAsync("/api/help-requests/mine");
        return response.StatusCode;
    }

    private static Dictionary<string, string?> AlsoPublishedKeys(HostSiteKeyServer site) => new()
    {
        ["Auth:JwksUrl"] = site.JwksUrl,
        ["Auth:RequireHttpsMetadata"] = "false",
    };

    private static Dictionary<string, string?> OnlyPublishedKeys(HostSiteKeyServer site, PublishedKeySource source) => new()
    {
        ["Auth:Issuer"] = site.Issuer,
        [source == PublishedKeySource.Discovery ? "Auth:Authority" : "Auth:JwksUrl"] = source == PublishedKeySource.Discovery ? site.Authority : site.JwksUrl,
        ["Auth:RequireHttpsMetadata"] = "false",
    };

    private static SigningCredentials HmacWith(byte[] secret, string keyId) =>
        new(new SymmetricSecurityKey(secret) { KeyId = keyId }, SecurityAlgorithms.HmacSha256);

    private static string Unsigned(string userId, string issuer)
    {
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}."
            + $"{Base64UrlEncoder.Encode($$"""{"sub":"{{userId}}","role":"reader","iss":"{{issuer}}","aud":"comments","exp":{{expires}}}""")}.";
    }
}
