using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Legal;

public sealed class LegalNoticeConfiguration : IEntityTypeConfiguration<LegalNotice>
{
    public void Configure(EntityTypeBuilder<LegalNotice> notice)
    {
        notice.ToTable("legal_notices");
        notice.HasKey(n => n.Id);
        notice.Property(n => n.Id).ValueGeneratedNever();
        notice.Property(n => n.Reference).HasMaxLength(16);
        notice.HasIndex(n => n.Reference).IsUnique();
        notice.Property(n => n.SiteId).HasMaxLength(100);
        notice.Property(n => n.Category).HasMaxLength(64);
        notice.Property(n => n.Explanation).HasMaxLength(4_000);
        notice.Property(n => n.NotifierId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        notice.Property(n => n.NotifierName).HasMaxLength(CommentConfiguration.AuthorNameMaxLength);
        notice.Property(n => n.NotifierEmail).HasMaxLength(254);
        notice.Property(n => n.NotifierKey).HasMaxLength(NotifierSuspension.KeyMaxLength);
        notice.Property(n => n.NotifierLanguage).HasMaxLength(16);
        // Article 23: a notifier's manifestly unfounded notices, and their open notice about a comment.
        notice.HasIndex(n => new { n.SiteId, n.NotifierKey });
        notice.Property(n => n.Outcome).HasConversion<WireNameConverter<NoticeOutcome>>().HasMaxLength(16);
        notice.Property(n => n.OutcomeReason).HasMaxLength(2_000);
        notice.Property(n => n.DecidedBy).HasMaxLength(200);
        // The legal queue: open notices, the most urgent first.
        notice.HasIndex(n => new { n.SiteId, n.DueAt }).HasFilter("outcome is null").HasDatabaseName("ix_legal_notices_open");
        // The transparency report's period.
        notice.HasIndex(n => new { n.SiteId, n.ReceivedAt });
        notice.HasIndex(n => n.CommentId);
    }
}

public sealed class StatementOfReasonsConfiguration : IEntityTypeConfiguration<StatementOfReasons>
{
    public void Configure(EntityTypeBuilder<StatementOfReasons> statement)
    {
        statement.ToTable("statements_of_reasons");
        statement.HasKey(s => s.Id);
        statement.Property(s => s.Id).ValueGeneratedNever();
        statement.Property(s => s.Reference).HasMaxLength(16);
        statement.HasIndex(s => s.Reference).IsUnique();
        statement.Property(s => s.SiteId).HasMaxLength(100);
        statement.Property(s => s.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        statement.Property(s => s.Restriction).HasConversion<WireNameConverter<Restriction>>().HasMaxLength(32);
        statement.Property(s => s.Automation).HasConversion<WireNameConverter<AutomationUse>>().HasMaxLength(16);
        statement.Property(s => s.Ground).HasConversion<WireNameConverter<DecisionGround>>().HasMaxLength(24);
        statement.Property(s => s.GroundDetail).HasMaxLength(200);
        statement.Property(s => s.DecidedBy).HasMaxLength(200);
        // A redelivered decision writes its statement once.
        statement.HasIndex(s => s.DecisionId).IsUnique().HasFilter("decision_id is not null");
        // The author's list, newest first.
        statement.HasIndex(s => new { s.SiteId, s.UserId, s.IssuedAt, s.Id });
        // The transparency report's period.
        statement.HasIndex(s => new { s.SiteId, s.IssuedAt });
    }
}

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> complaint)
    {
        complaint.ToTable("complaints");
        complaint.HasKey(c => c.Id);
        complaint.Property(c => c.Id).ValueGeneratedNever();
        complaint.Property(c => c.SiteId).HasMaxLength(100);
        complaint.Property(c => c.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        complaint.Property(c => c.Outcome).HasConversion<WireNameConverter<ComplaintOutcome>>().HasMaxLength(16);
        complaint.Property(c => c.OutcomeReason).HasMaxLength(2_000);
        complaint.Property(c => c.DecidedBy).HasMaxLength(200);
        // One complaint per statement: its outcome is final here (out-of-court settlement is the next step).
        complaint.HasIndex(c => c.StatementId).IsUnique();
        complaint.HasIndex(c => new { c.SiteId, c.ReceivedAt });
    }
}

public sealed class NotifierSuspensionConfiguration : IEntityTypeConfiguration<NotifierSuspension>
{
    public void Configure(EntityTypeBuilder<NotifierSuspension> suspension)
    {
        suspension.ToTable("notifier_suspensions");
        suspension.HasKey(s => s.Id);
        suspension.Property(s => s.Id).ValueGeneratedNever();
        suspension.Property(s => s.SiteId).HasMaxLength(100);
        suspension.Property(s => s.NotifierKey).HasMaxLength(NotifierSuspension.KeyMaxLength);
        suspension.Property(s => s.Reason).HasMaxLength(2_000);
        suspension.Property(s => s.SuspendedBy).HasMaxLength(200);
        suspension.HasIndex(s => new { s.SiteId, s.NotifierKey, s.Until });
    }
}
