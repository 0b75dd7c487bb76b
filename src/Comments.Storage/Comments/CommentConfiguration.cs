using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Comments;

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public const int ArticleIdMaxLength = 200;
    public const int AuthorIdMaxLength = 200;
    public const int AuthorNameMaxLength = 100;

    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.ToTable("comments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.Id).ValueGeneratedNever();
        comment.Property(c => c.SiteId).HasMaxLength(100).HasDefaultValue(Sites.SiteSettings.DefaultSiteId);
        comment.Property(c => c.ArticleId).HasMaxLength(ArticleIdMaxLength);
        comment.Property(c => c.AuthorId).HasMaxLength(AuthorIdMaxLength);
        comment.Property(c => c.AuthorName).HasMaxLength(AuthorNameMaxLength);
        comment.Property(c => c.Status).HasConversion<WireNameConverter<CommentStatus>>().HasMaxLength(16);
        comment.Property(c => c.Version).IsRowVersion();
        comment.Property(c => c.AuthorBadge).HasConversion<WireNameConverter<AuthorBadge>>().HasMaxLength(16);

        comment.Ignore(c => c.IsPublic);

        // The public listings: top-level approved comments of an article (newest, oldest, most replied) and the
        // approved replies of a comment, each walked by keyset.
        comment.HasIndex(c => new { c.ArticleId, c.CreatedAt, c.Id })
            .HasFilter("status = 'approved' AND parent_id IS NULL")
            .HasDatabaseName("ix_comments_article_top_keyset");
        comment.HasIndex(c => new { c.ArticleId, c.ReplyCount, c.CreatedAt, c.Id })
            .HasFilter("status = 'approved' AND parent_id IS NULL")
            .HasDatabaseName("ix_comments_article_most_replied");
        comment.HasIndex(c => new { c.ArticleId, c.BestScore, c.Id })
            .HasFilter("status = 'approved' AND parent_id IS NULL")
            .HasDatabaseName("ix_comments_article_best");
        // Editors' picks, replies included, most recently featured first.
        comment.HasIndex(c => new { c.ArticleId, c.FeaturedAt, c.Id })
            .HasFilter("status = 'approved' AND featured_at IS NOT NULL")
            .HasDatabaseName("ix_comments_article_featured");
        comment.HasIndex(c => new { c.ParentId, c.CreatedAt, c.Id })
            .HasFilter("status = 'approved'")
            .HasDatabaseName("ix_comments_replies_keyset");
        comment.HasIndex(c => c.OpenReportCount).HasFilter("open_report_count > 0");
        // A reader's own comments newest first (GET /api/me/comments, walked by keyset), and the author's recent
        // comments that slow mode, the pipeline and support's context look at.
        comment.HasIndex(c => new { c.AuthorId, c.CreatedAt, c.Id }).HasDatabaseName("ix_comments_author_newest");
        // The brigade watch's "comments since": a BRIN index costs next to nothing at intake, as rows come in time order.
        comment.HasIndex(c => c.CreatedAt).HasMethod("brin").HasDatabaseName("ix_comments_created_at_brin");
        // Moderator search (docs/performance.md, "Moderator search"): a phrase anywhere in the text (ILIKE, trigrams),
        // a site's or an article's comments newest first; the migration adds lower(author_name) and body's statistics.
        comment.HasIndex(c => c.Body).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_comments_body_trgm");
        comment.HasIndex(c => new { c.SiteId, c.CreatedAt, c.Id }).HasDatabaseName("ix_comments_site_newest");
        comment.HasIndex(c => new { c.ArticleId, c.CreatedAt, c.Id }, "ix_comments_article_newest");
        // A held comment's place in its site's queue (HeldQueue): held rows only, so approved comments never write it.
        comment.HasIndex(c => new { c.SiteId, c.CreatedAt, c.Id }, "ix_comments_held_queue").HasFilter("status = 'held' AND deleted_at IS NULL")
            .HasDatabaseName("ix_comments_held_queue");

        comment.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.CommentId);
    }
}
