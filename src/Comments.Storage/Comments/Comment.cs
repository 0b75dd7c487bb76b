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

    /// <summary>Staff, journalist or moderator when the token said so at posting time; null for readers (<see cref="AuthorBadge"/>).</summary>
    public AuthorBadge? AuthorBadge { get; set; }
    public required string Body { get; set; }
    public CommentStatus Status { get; set; }

    /// <summary>The revision of the body; 1 when posted, raised by each edit.</summary>
    public int Revision { get; set; } = 1;

    /// <summary>0 for a top-level comment, 1 for a reply, and so on up to the site's nesting limit.</summary>
    public int Depth { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the author last changed the text (revision 2 and later); the public view says "edited".</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When the author deleted it: the text leaves the public view; moderators still see it until it is purged.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>When its author's data was erased (<see cref="Privacy.ReaderErasure"/>): no text, no name; kept only as a placeholder.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>When reports hid it from the public view, until a moderator decides.</summary>
    public DateTimeOffset? HiddenAt { get; set; }

    /// <summary>Public direct replies, maintained as replies change.</summary>
    public int ReplyCount { get; set; }

    public int RespectCount { get; set; }

    /// <summary><see cref="Comments.BestScore.Of"/> the respect count, kept with it so the "best" sort walks an index.</summary>
    public double BestScore { get; set; }

    /// <summary>When a moderator made it an editors' pick; cleared by unfeaturing, and by a rejection, an edit or a deletion.</summary>
    public DateTimeOffset? FeaturedAt { get; set; }

    /// <summary>The help request whose appeal put this comment back in the pending queue, until a moderator decides.</summary>
    public Guid? AppealHelpRequestId { get; set; }

    /// <summary>The moderator working on it, until the lease ends.</summary>
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
    public int OpenReportCount { get; set; }

    /// <summary>The summed weight of open reports; auto-hide compares it with the site's threshold.</summary>
    public double ReportWeight { get; set; }

    /// <summary>Shown to the public: approved, not deleted, not hidden.</summary>
    public bool IsPublic => Status == CommentStatus.Approved && DeletedAt is null && HiddenAt is null;

    /// <summary>Optimistic concurrency token (PostgreSQL's xmin).</summary>
    public uint Version { get; set; }

    public List<Decision> Decisions { get; } = [];
}
