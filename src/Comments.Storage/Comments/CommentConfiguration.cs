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
        comment.Property(c => c.Status).HasConversion<LowerCaseEnumConverter<CommentStatus>>().HasMaxLength(16);
        comment.Property(c => c.Version).IsRowVersion();

        // The public listing: approved comments of one article, newest first, keyset on (created_at, id).
        comment.HasIndex(c => new { c.ArticleId, c.CreatedAt, c.Id })
            .IsDescending(false, true, true)
            .HasFilter("status = 'approved'")
            .HasDatabaseName("ix_comments_article_approved_keyset");
        comment.HasIndex(c => new { c.AuthorId, c.CreatedAt });

        comment.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.CommentId);
    }
}
