using Comments.Storage.Decisions;

namespace Comments.Storage.Comments;

public class Comment
{
    public Guid Id { get; set; }

    /// <summary>The host news site, whose moderation settings apply.</summary>
    public string SiteId { get; set; } = Sites.SiteSettings.DefaultSiteId;

    public required string ArticleId { get; set; }
    public Guid? ParentId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }
    public CommentStatus Status { get; set; }

    /// <summary>The revision of the body; 1 when posted, raised by each edit.</summary>
    public int Revision { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL's xmin).</summary>
    public uint Version { get; set; }

    public List<Decision> Decisions { get; } = [];
}
