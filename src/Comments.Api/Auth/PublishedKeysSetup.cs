using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Comments.Api.Auth;

/// <summary>
/// Points JwtBearer at the site's published keys (JWKS or discovery) through one ConfigurationManager, which refetches
/// when a token names an unknown key, so a site can rotate keys without a restart here (docs/security.md).
/// </summary>
internal sealed class PublishedKeysSetup(IOptions<AuthOptions> auth) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions jwt)
    {
        var options = auth.Value;
        IConfigurationRetriever<OpenIdConnectConfiguration>? retriever = options.PublishedKeys switch
        {
            PublishedKeySource.JwksDocument => new JwksDocumentRetriever(),
            PublishedKeySource.Discovery => new OpenIdConnectConfigurationRetriever(),
            _ => null,
        };
        if (name != JwtBearerDefaults.AuthenticationScheme || retriever is null)
        {
            return;
        }
        // As JwtBearer makes its own (it does so only when it builds the manager): its handler, timeout and a size cap.
        jwt.Backchannel ??= new HttpClient(jwt.BackchannelHttpHandler ?? new HttpClientHandler())
        {
            Timeout = jwt.BackchannelTimeout,
            MaxResponseContentBufferSize = 1024 * 1024,
        };
        jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(Address(options), retriever,
            new HttpDocumentRetriever(jwt.Backchannel) { RequireHttps = options.RequireHttpsMetadata })
        {
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
            RefreshInterval = options.RefreshInterval,
            // A key the site withdrew (after a leak, say) must stop working at the next fetch, not live on for an hour
            // in a "last known good" configuration that the token handler falls back to.
            UseLastKnownGoodConfiguration = false,
        };
    }

    private static string Address(AuthOptions options) => options.PublishedKeys switch
    {
        PublishedKeySource.JwksDocument => options.JwksUrl!,
        _ when !string.IsNullOrWhiteSpace(options.MetadataAddress) => options.MetadataAddress,
        _ => options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration",
    };
}
