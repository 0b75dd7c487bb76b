using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Users;

public sealed class IgnoredReaderConfiguration : IEntityTypeConfiguration<IgnoredReader>
{
    public void Configure(EntityTypeBuilder<IgnoredReader> ignored)
    {
        ignored.ToTable("ignored_readers");
        // The key is also the lookup every signed-in listing makes: one reader's ignored ids on one site.
        ignored.HasKey(i => new { i.SiteId, i.ReaderId, i.IgnoredId });
        ignored.Property(i => i.SiteId).HasMaxLength(100);
        ignored.Property(i => i.ReaderId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        ignored.Property(i => i.IgnoredId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
    }
}
