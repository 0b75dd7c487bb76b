using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Support;

public sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> request)
    {
        request.ToTable("help_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.Reference).HasMaxLength(16);
        request.HasIndex(r => r.Reference).IsUnique();
        request.Property(r => r.RequesterId).HasMaxLength(200);
        request.Property(r => r.Email).HasMaxLength(254);
        request.Property(r => r.ContactEmail).HasMaxLength(254);
        request.Property(r => r.AccessTokenHash).HasMaxLength(64);
        request.Property(r => r.ArticleId).HasMaxLength(200);
        request.Property(r => r.Category).HasConversion<WireNameConverter<HelpRequestCategory>>().HasMaxLength(32);
        request.Property(r => r.Priority).HasConversion<WireNameConverter<HelpRequestPriority>>().HasMaxLength(16);
        request.Property(r => r.PriorityRank);
        request.Property(r => r.Status).HasConversion<WireNameConverter<HelpRequestStatus>>().HasMaxLength(24);
        request.Property(r => r.Message).HasMaxLength(5000);
        request.Property(r => r.UserAgent).HasMaxLength(500);
        request.Property(r => r.Page).HasMaxLength(1000);
        request.Property(r => r.AssigneeId).HasMaxLength(200);
        request.Property(r => r.ContextJson).HasColumnType("jsonb");
        request.HasIndex(r => new { r.PriorityRank, r.CreatedAt, r.Id });
        request.HasIndex(r => new { r.RequesterId, r.CreatedAt });
        request.HasIndex(r => new { r.Email, r.CreatedAt });
    }
}

public sealed class HelpRequestEventConfiguration : IEntityTypeConfiguration<HelpRequestEvent>
{
    public void Configure(EntityTypeBuilder<HelpRequestEvent> entry)
    {
        entry.ToTable("help_request_events");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<WireNameConverter<HelpRequestEventKind>>().HasMaxLength(24);
        entry.Property(e => e.Actor).HasMaxLength(200);
        entry.HasIndex(e => new { e.HelpRequestId, e.At });
    }
}

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> mail)
    {
        mail.ToTable("outgoing_mail");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.To).HasMaxLength(254);
        mail.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
        mail.Property(m => m.Delivery).HasConversion<WireNameConverter<MailDelivery>>().HasMaxLength(16)
            .HasDefaultValue(MailDelivery.Pending).HasSentinel(MailDelivery.Pending);
        mail.Property(m => m.LastError).HasMaxLength(200);
        // The dispatcher's claim: pending mail by due time, and only pending mail is in the index.
        mail.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt }).HasFilter("delivery = 'pending'");
    }
}

public sealed class PostRefusalConfiguration : IEntityTypeConfiguration<PostRefusal>
{
    public void Configure(EntityTypeBuilder<PostRefusal> refusal)
    {
        refusal.ToTable("post_refusals");
        refusal.HasKey(r => r.Id);
        refusal.Property(r => r.UserId).HasMaxLength(200);
        refusal.Property(r => r.Reason).HasMaxLength(32);
        refusal.HasIndex(r => new { r.UserId, r.At });
    }
}
