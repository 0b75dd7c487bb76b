using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Privacy;

public sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> erasure)
    {
        erasure.ToTable("erasure_requests");
        erasure.HasKey(e => e.Id);
        erasure.Property(e => e.Id).ValueGeneratedNever();
        erasure.Property(e => e.SiteId).HasMaxLength(100);
        erasure.Property(e => e.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        erasure.Property(e => e.RequestedBy).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        erasure.Property(e => e.ConfirmationHash).HasMaxLength(64);
        erasure.Property(e => e.TokenEmail).HasMaxLength(254);
        // The worker's work: confirmed and not yet carried out, the earliest deadline first.
        erasure.HasIndex(e => e.DueAt).HasFilter("confirmed_at is not null and completed_at is null").HasDatabaseName("ix_erasure_requests_due");
        erasure.HasIndex(e => new { e.SiteId, e.UserId });
    }
}
