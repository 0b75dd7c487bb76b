using Comments.Storage.Articles;
using Comments.Storage.Comments;
using Comments.Storage.Reactions;
using Comments.Storage.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage;

public sealed class CommentRevisionConfiguration : IEntityTypeConfiguration<CommentRevision>
{
    public void Configure(EntityTypeBuilder<CommentRevision> revision)
    {
        revision.ToTable("comment_revisions");
        revision.HasKey(r => new { r.CommentId, r.Revision });
    }
}

public sealed class ArticleStatsConfiguration : IEntityTypeConfiguration<ArticleStats>
{
    public void Configure(EntityTypeBuilder<ArticleStats> stats)
    {
        stats.ToTable("article_stats");
        // Per site: two sites in one database may use the same article key.
        stats.HasKey(s => new { s.SiteId, s.ArticleId });
        stats.Property(s => s.SiteId).HasMaxLength(100).HasDefaultValue(Sites.SiteSettings.DefaultSiteId);
        stats.Property(s => s.ArticleId).HasMaxLength(CommentConfiguration.ArticleIdMaxLength);
    }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.ReporterId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        report.Property(r => r.Reason).HasConversion<WireNameConverter<ReportReason>>().HasMaxLength(16);
        report.Property(r => r.Status).HasConversion<WireNameConverter<ReportStatus>>().HasMaxLength(16);
        report.Property(r => r.Details).HasMaxLength(500);
        report.HasIndex(r => new { r.CommentId, r.ReporterId }).IsUnique();
        report.HasIndex(r => new { r.CommentId, r.Status });
        report.HasIndex(r => r.CreatedAt).HasMethod("brin").HasDatabaseName("ix_reports_created_at_brin");
    }
}

public sealed class ReporterTrustConfiguration : IEntityTypeConfiguration<ReporterTrust>
{
    public void Configure(EntityTypeBuilder<ReporterTrust> trust)
    {
        trust.ToTable("reporter_trust");
        trust.HasKey(t => t.UserId);
        trust.Property(t => t.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
    }
}

public sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> reaction)
    {
        reaction.ToTable("reactions");
        reaction.HasKey(r => new { r.CommentId, r.UserId, r.Kind });
        reaction.Property(r => r.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        reaction.Property(r => r.Kind).HasMaxLength(16);
    }
}
