using System.Text.RegularExpressions;
using Comments.Storage.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Moderation;

/// <summary>The <c>siteId</c> query parameter of the moderation endpoints: optional, the default site when absent.</summary>
public static partial class SiteKey
{
    public static ValidationProblem? Validate(string? siteId, out string site)
    {
        site = string.IsNullOrEmpty(siteId) ? SiteSettings.DefaultSiteId : siteId;
        return Pattern().IsMatch(site) ? null : TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["siteId"] = ["siteId must be 1 to 100 characters of a-z, 0-9 and -."] });
    }

    [GeneratedRegex("^[a-z0-9-]{1,100}\\z")]
    private static partial Regex Pattern();
}
