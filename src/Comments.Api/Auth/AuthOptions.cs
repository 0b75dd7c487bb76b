namespace Comments.Api.Auth;

/// <summary>
/// How the host news site signs its readers' tokens: a shared key, published keys, or both (docs/configuration.md);
/// outside Development, <see cref="AuthOptionsValidation"/> refuses to start without them.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The key committed in <c>appsettings.Development.json</c>: anyone can read it, so it is refused outside Development.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789";

    /// <summary>HS256 key shared with the host site, 32+ characters; empty when the site only publishes keys.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>A plain JWKS document (RFC 7517) in which the site publishes the public keys of its RS256/ES256 tokens.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The site's OpenID Connect issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The discovery document's address, when it is not under <see cref="Authority"/>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Fetch published keys only over https; false only for a key server on the same machine (the tests').</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// How often published keys are fetched again in any case (the library's floor is 5 minutes, its default 12 hours):
    /// the longest a key the site withdrew stays accepted, as tokens it signed are not refused and so ask for no fetch.
    /// </summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches asked for by refused tokens (unknown key id, bad signature, other issuer; the
    /// library's floor is 1 s, its default 5 minutes). It bounds both how often forged tokens make the API fetch and how
    /// long after such a fetch a key the site starts using without publishing it first can be refused.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>iss</c> the host site puts in its tokens. No default: a deployment names its site.</summary>
    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "comments";

    public PublishedKeySource PublishedKeys =>
        !string.IsNullOrWhiteSpace(JwksUrl) ? PublishedKeySource.JwksDocument
        : !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) ? PublishedKeySource.Discovery
        : PublishedKeySource.None;

    public bool HasSharedKey => SigningKey.Length > 0;
}
