using System.Security.Claims;
using System.Security.Cryptography;
using Comments.Api.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Tests;

/// <summary>
/// One of the host site's signing keys, made by the test: the private half signs readers' tokens, the public half is
/// what the site publishes in its JWKS document.
/// </summary>
public sealed class SiteSigningKey : IDisposable
{
    private readonly IDisposable? _algorithm;

    private SiteSigningKey(string keyId, string algorithm, SecurityKey privateKey, Dictionary<string, string> publicJwk, IDisposable? owned)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        PrivateKey = privateKey;
        PublicJwk = publicJwk;
        _algorithm = owned;
    }

    public string KeyId { get; }
    public string Algorithm { get; }
    public SecurityKey PrivateKey { get; }
    public IReadOnlyDictionary<string, string> PublicJwk { get; }

    /// <summary>The RSA public key as PEM and DER: what an algorithm-confusion attacker uses as an HMAC secret.</summary>
    public IReadOnlyList<byte[]> PublicKeyBytes { get; private init; } = [];

    public static SiteSigningKey Rsa(string keyId)
    {
        var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new SiteSigningKey(keyId, SecurityAlgorithms.RsaSha256, new RsaSecurityKey(rsa) { KeyId = keyId }, new()
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        }, rsa)
        {
            PublicKeyBytes = [System.Text.Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()), rsa.ExportSubjectPublicKeyInfo()],
        };
    }

    public static SiteSigningKey EllipticCurve(string keyId)
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = ec.ExportParameters(includePrivateParameters: false);
        return new SiteSigningKey(keyId, SecurityAlgorithms.EcdsaSha256, new ECDsaSecurityKey(ec) { KeyId = keyId }, new()
        {
            ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = keyId, ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X), ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        }, ec);
    }

    /// <summary>A symmetric key put in the JWKS document by mistake: published, so anybody could sign with it.</summary>
    public static SiteSigningKey PublishedSecret(string keyId)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        return new SiteSigningKey(keyId, SecurityAlgorithms.HmacSha256, new SymmetricSecurityKey(secret) { KeyId = keyId }, new()
        {
            ["kty"] = "oct", ["use"] = "sig", ["alg"] = "HS256", ["kid"] = keyId, ["k"] = Base64UrlEncoder.Encode(secret),
        }, null);
    }

    /// <summary>A reader's token as the site would sign it with this key.</summary>
    public string Sign(string userId, string issuer, string audience = "comments") =>
        SignWith(new SigningCredentials(PrivateKey, Algorithm), userId, issuer, audience);

    public static string SignWith(SigningCredentials credentials, string userId, string issuer, string audience = "comments") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", userId), new Claim("role", Roles.Reader)]),
            Issuer = issuer,
            Audience = audience,
            NotBefore = DateTime.UtcNow.AddMinutes(-5),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = credentials,
        });

    public void Dispose() => _algorithm?.Dispose();
}
