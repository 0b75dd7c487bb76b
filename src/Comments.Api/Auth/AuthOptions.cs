using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Auth;

/// <summary>
/// How the host news site signs its readers' tokens (HS256). Section <c>Auth</c>. The development key lives only in
/// <c>appsettings.Development.json</c>; elsewhere the API refuses to start until <c>Auth__SigningKey</c> is set.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    [Required, MinLength(32, ErrorMessage = "Auth:SigningKey must be set, at least 32 characters (HS256).")]
    public string SigningKey { get; set; } = "";

    [Required] public string Issuer { get; set; } = "comments-dev";
    [Required] public string Audience { get; set; } = "comments";
}
