namespace Comments.Api.Auth;

public static class Policies
{
    /// <summary>A signed-in person with a user id (any role may comment).</summary>
    public const string Commenter = "commenter";

    /// <summary>Support staff and admins.</summary>
    public const string Support = "support";

    /// <summary>Moderators and admins.</summary>
    public const string Moderator = "moderator";

    /// <summary>Admins only: operating the system itself (failed messages).</summary>
    public const string Admin = "admin";
}
