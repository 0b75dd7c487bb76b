using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Sites;

public sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> settings)
    {
        settings.ToTable("site_settings");
        settings.HasKey(s => s.SiteId);
        settings.Property(s => s.SiteId).HasMaxLength(100);
        settings.Property(s => s.Json).HasColumnType("jsonb");
        settings.Property(s => s.Version).IsConcurrencyToken();
        settings.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}

public sealed class WordListConfiguration : IEntityTypeConfiguration<WordList>
{
    public void Configure(EntityTypeBuilder<WordList> list)
    {
        list.ToTable("word_lists");
        list.HasKey(l => new { l.SiteId, l.Kind });
        list.Property(l => l.SiteId).HasMaxLength(100);
        list.Property(l => l.Kind).HasMaxLength(16);
        list.Property(l => l.Version).IsConcurrencyToken();
        list.Property(l => l.UpdatedBy).HasMaxLength(200);
    }
}

public sealed class SettingsChangeConfiguration : IEntityTypeConfiguration<SettingsChange>
{
    public void Configure(EntityTypeBuilder<SettingsChange> change)
    {
        change.ToTable("settings_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.SiteId).HasMaxLength(100);
        change.Property(c => c.Subject).HasMaxLength(SettingsChange.SubjectMaxLength);
        change.Property(c => c.BeforeJson).HasColumnType("jsonb");
        change.Property(c => c.AfterJson).HasColumnType("jsonb");
        change.Property(c => c.ChangedBy).HasMaxLength(200);
        change.HasIndex(c => new { c.SiteId, c.ChangedAt });
    }
}
