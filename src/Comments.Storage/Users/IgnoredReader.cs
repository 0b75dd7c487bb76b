namespace Comments.Storage.Users;

/// <summary>
/// A reader's choice not to see another reader's comments on a site. Per site: a user id is the subject of the site's
/// own token issuer, so the same id on another site may be another person.
/// </summary>
public class IgnoredReader
{
    public required string SiteId { get; set; }
    public required string ReaderId { get; set; }
    public required string IgnoredId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
