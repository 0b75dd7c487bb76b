using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Decisions;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("decisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.Id).ValueGeneratedNever();
        decision.Property(d => d.Outcome).HasConversion<WireNameConverter<DecisionOutcome>>().HasMaxLength(16);
        decision.Property(d => d.Actor).HasMaxLength(200);
        decision.Property(d => d.Details).HasColumnType("jsonb").HasConversion(
            details => JsonSerializer.Serialize(details, JsonOptions),
            json => JsonSerializer.Deserialize<DecisionDetails>(json, JsonOptions) ?? new DecisionDetails(),
            new ValueComparer<DecisionDetails>((a, b) => ReferenceEquals(a, b), d => d.GetHashCode(), d => d));

        // The system decides each revision once: a redelivered message hits this and counts as already done.
        decision.HasIndex(d => new { d.CommentId, d.Revision })
            .IsUnique()
            .HasFilter("actor = 'system'")
            .HasDatabaseName("ux_decisions_system_revision");
        // A comment's decisions by anyone (people's decisions, its history, the cascade when it is purged): each scanned
        // the whole table without it (docs/performance.md, "Indexes and the trigger").
        decision.HasIndex(d => d.CommentId, "ix_decisions_comment_id").HasDatabaseName("ix_decisions_comment_id");
    }
}
