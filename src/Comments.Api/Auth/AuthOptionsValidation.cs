using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Auth;

/// <summary>
/// Stops the API at start (ValidateOnStart) with auth settings that would accept tokens anybody can make, or none: no
/// issuer, no way to check a signature, a short key, the committed development key outside Development, unusable URLs.
/// </summary>
internal sealed class AuthOptionsValidation(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Auth:Issuer must be set (Auth__Issuer) to the iss claim the host site puts in its readers' tokens; it has no default outside Development.");
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Audience must be set to the aud claim the host site puts in tokens meant for this API.");
        }
        if (!options.HasSharedKey && options.PublishedKeys == PublishedKeySource.None)
        {
            failures.Add("Auth has no way to check a token's signature: set Auth:SigningKey (HS256, shared with the host site), "
                + "or Auth:JwksUrl or Auth:Authority / Auth:MetadataAddress (the site's published RS256/ES256 keys).");
        }
        if (options.HasSharedKey && options.SigningKey.Length < 32)
        {
            failures.Add("Auth:SigningKey must be at least 32 characters (HS256 needs a 256-bit key).");
        }
        if (options.SigningKey == AuthOptions.DevelopmentSigningKey && !environment.IsDevelopment())
        {
            failures.Add("Auth:SigningKey is the development key committed to the repository, which anyone can read: outside Development "
                + "set Auth__SigningKey to the host site's own key, or leave it empty and use the site's published keys.");
        }
        if (!string.IsNullOrWhiteSpace(options.JwksUrl) && (!string.IsNullOrWhiteSpace(options.Authority) || !string.IsNullOrWhiteSpace(options.MetadataAddress)))
        {
            failures.Add("Set either Auth:JwksUrl or Auth:Authority / Auth:MetadataAddress, not both: published keys come from one place.");
        }
        foreach (var (setting, value) in new[] { ("Auth:JwksUrl", options.JwksUrl), ("Auth:Authority", options.Authority), ("Auth:MetadataAddress", options.MetadataAddress) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsUsableAddress(value, options.RequireHttpsMetadata))
            {
                failures.Add($"{setting} must be an absolute https URL (http only with Auth:RequireHttpsMetadata=false).");
            }
        }
        if (options.AutomaticRefreshInterval < BaseConfigurationManager.MinimumAutomaticRefreshInterval)
        {
            failures.Add($"Auth:AutomaticRefreshInterval must be at least {BaseConfigurationManager.MinimumAutomaticRefreshInterval} (the library's floor).");
        }
        if (options.RefreshInterval < BaseConfigurationManager.MinimumRefreshInterval)
        {
            failures.Add($"Auth:RefreshInterval must be at least {BaseConfigurationManager.MinimumRefreshInterval} (the library's floor).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsUsableAddress(string value, bool requireHttps) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (!requireHttps && uri.Scheme == Uri.UriSchemeHttp));
}
