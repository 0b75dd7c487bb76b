namespace Comments.Api.Auth;

/// <summary>The values of the <c>role</c> claim.</summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Moderator = "moderator";
    public const string Support = "support";
    public const string Admin = "admin";

    /// <summary>Newsroom roles with no powers here; their comments carry a badge (<see cref="Storage.Comments.AuthorBadges"/>).</summary>
    public const string Staff = "staff";
    public const string Journalist = "journalist";
}
