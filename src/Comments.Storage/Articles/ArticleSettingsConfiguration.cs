using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Articles;

public sealed class ArticleSettingsConfiguration : IEntityTypeConfiguration<ArticleSettings>
{
    public void Configure(EntityTypeBuilder<ArticleSettings> settings)
    {
        settings.ToTable("article_settings");
        // Per site: two sites in one database may use the same article key.
        settings.HasKey(s => new { s.SiteId, s.ArticleId });
        settings.Property(s => s.SiteId).HasMaxLength(100);
        settings.Property(s => s.ArticleId).HasMaxLength(CommentConfiguration.ArticleIdMaxLength);
        settings.Property(s => s.Version).IsConcurrencyToken();
        settings.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}
