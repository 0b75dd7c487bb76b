using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Support;

public sealed class HelpPreviewConfiguration : IEntityTypeConfiguration<HelpPreview>
{
    public void Configure(EntityTypeBuilder<HelpPreview> preview)
    {
        preview.ToTable("help_previews");
        preview.HasKey(p => p.Id);
        preview.Property(p => p.Id).ValueGeneratedNever();
        preview.Property(p => p.SiteId).HasMaxLength(100);
        preview.Property(p => p.Category).HasConversion<WireNameConverter<HelpRequestCategory>>().HasMaxLength(32);
        // Support's stats count a site's recent previews; rows come in time order.
        preview.HasIndex(p => new { p.SiteId, p.CreatedAt });
    }
}
