namespace Comments.Api.Auth;

/// <summary>Where the host site publishes the public keys its RS256/ES256 tokens are checked with.</summary>
public enum PublishedKeySource
{
    /// <summary>No published keys: HS256 with the shared key only.</summary>
    None,

    /// <summary>A plain JWKS document at <c>Auth:JwksUrl</c>.</summary>
    JwksDocument,

    /// <summary>An OpenID Connect discovery document (<c>Auth:Authority</c> or <c>Auth:MetadataAddress</c>) naming the JWKS document.</summary>
    Discovery,
}
