using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comments.Storage.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.SiteId).HasMaxLength(100).HasDefaultValue(Sites.SiteSettings.DefaultSiteId);
        notification.Property(n => n.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        notification.Property(n => n.Kind).HasConversion<WireNameConverter<NotificationKind>>().HasMaxLength(24);
        notification.Property(n => n.ArticleId).HasMaxLength(CommentConfiguration.ArticleIdMaxLength);
        notification.Property(n => n.ActorName).HasMaxLength(CommentConfiguration.AuthorNameMaxLength);
        // A redelivered event finds its notification already there.
        notification.HasIndex(n => new { n.SiteId, n.UserId, n.Kind, n.SubjectId }).IsUnique();
        // The reader's list, newest first.
        notification.HasIndex(n => new { n.SiteId, n.UserId, n.CreatedAt, n.Id });
        // The digest's work: what is not mailed yet.
        notification.HasIndex(n => new { n.SiteId, n.UserId, n.CreatedAt }).HasFilter("mailed_at is null and read_at is null").HasDatabaseName("ix_notifications_unmailed");
    }
}

public sealed class ReaderPreferencesConfiguration : IEntityTypeConfiguration<ReaderPreferences>
{
    public void Configure(EntityTypeBuilder<ReaderPreferences> preferences)
    {
        preferences.ToTable("reader_preferences");
        preferences.HasKey(p => new { p.SiteId, p.UserId });
        preferences.Property(p => p.SiteId).HasMaxLength(100).HasDefaultValue(Sites.SiteSettings.DefaultSiteId);
        preferences.Property(p => p.UserId).HasMaxLength(CommentConfiguration.AuthorIdMaxLength);
        preferences.Property(p => p.Email).HasMaxLength(254);
        preferences.Property(p => p.Language).HasConversion<WireNameConverter<MailLanguage>>().HasMaxLength(8);
    }
}
