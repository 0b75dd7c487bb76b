using Comments.Storage.Audit;
using Comments.Storage.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.ToTable("audit_entries");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Actor).HasMaxLength(200);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.TargetType).HasMaxLength(32);
        audit.Property(a => a.TargetId).HasMaxLength(AuditEntry.TargetIdMaxLength);
        audit.Property(a => a.BeforeJson).HasColumnType("jsonb");
        audit.Property(a => a.AfterJson).HasColumnType("jsonb");
        audit.HasIndex(a => new { a.At, a.Id });
        audit.HasIndex(a => new { a.TargetType, a.TargetId, a.At });
        audit.HasIndex(a => new { a.Actor, a.At });
    }
}

public sealed class ModerationNoteConfiguration : IEntityTypeConfiguration<ModerationNote>
{
    public void Configure(EntityTypeBuilder<ModerationNote> note)
    {
        note.ToTable("moderation_notes");
        note.HasKey(n => n.Id);
        note.Property(n => n.TargetType).HasMaxLength(16);
        note.Property(n => n.TargetId).HasMaxLength(200);
        note.Property(n => n.Author).HasMaxLength(200);
        note.Property(n => n.Body).HasMaxLength(2000);
        note.HasIndex(n => new { n.TargetType, n.TargetId, n.CreatedAt });
    }
}

public sealed class QueueCountConfiguration : IEntityTypeConfiguration<QueueCount>
{
    public void Configure(EntityTypeBuilder<QueueCount> count)
    {
        count.ToTable("queue_counts");
        count.HasKey(c => new { c.SiteId, c.Queue });
        count.Property(c => c.SiteId).HasMaxLength(100);
        count.Property(c => c.Queue).HasMaxLength(16);
    }
}

public sealed class QueueSnapshotConfiguration : IEntityTypeConfiguration<QueueSnapshot>
{
    public void Configure(EntityTypeBuilder<QueueSnapshot> snapshot)
    {
        snapshot.ToTable("queue_snapshots");
        snapshot.HasKey(s => new { s.SiteId, s.Queue, s.TakenAt });
        snapshot.Property(s => s.SiteId).HasMaxLength(100);
        snapshot.Property(s => s.Queue).HasMaxLength(16);
    }
}

public sealed class ClassifierModelVersionConfiguration : IEntityTypeConfiguration<ClassifierModelVersion>
{
    public void Configure(EntityTypeBuilder<ClassifierModelVersion> model)
    {
        model.ToTable("classifier_models");
        model.HasKey(m => m.Version);
        model.Property(m => m.Version).HasMaxLength(100);
        model.Property(m => m.Kind).HasMaxLength(16);
        model.Property(m => m.CardJson).HasColumnType("jsonb");
        model.HasIndex(m => new { m.Kind, m.PromotedAt });
    }
}
