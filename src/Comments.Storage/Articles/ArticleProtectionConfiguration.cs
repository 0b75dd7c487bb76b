using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Articles;

public sealed class ArticleProtectionConfiguration : IEntityTypeConfiguration<ArticleProtection>
{
    public void Configure(EntityTypeBuilder<ArticleProtection> protection)
    {
        protection.ToTable("article_protections");
        protection.HasKey(p => p.Id);
        protection.Property(p => p.SiteId).HasMaxLength(100);
        protection.Property(p => p.ArticleId).HasMaxLength(CommentConfiguration.ArticleIdMaxLength);
        protection.Property(p => p.Mode).HasConversion<WireNameConverter<ArticleProtectionMode>>().HasMaxLength(20);
        protection.Property(p => p.EndedBy).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        protection.Property(p => p.SignalsJson).HasColumnType("jsonb");
        // The active spell of an article, and every article's for the console: both read by (site, article) newest first.
        protection.HasIndex(p => new { p.SiteId, p.ArticleId, p.Until });
        protection.HasIndex(p => p.Until);
    }
}
