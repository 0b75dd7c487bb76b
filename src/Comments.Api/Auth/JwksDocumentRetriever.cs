using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Auth;

/// <summary>
/// Reads a plain JWKS document (RFC 7517) as the configuration the JwtBearer handler works with: the site's signing keys
/// and no issuer (<c>Auth:Issuer</c> names it). Microsoft.IdentityModel 8 ships a retriever for discovery documents
/// only; this does what that one does with the document its <c>jwks_uri</c> names.
/// </summary>
internal sealed class JwksDocumentRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var keys = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel));
        var configuration = new OpenIdConnectConfiguration { JwksUri = address, JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }
}
