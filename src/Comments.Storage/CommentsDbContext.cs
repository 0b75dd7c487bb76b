using Comments.Storage.Legal;
using Comments.Storage.Privacy;
using Comments.Storage.Articles;
using Comments.Storage.Audit;
using Comments.Storage.Moderation;
using Comments.Storage.Notifications;
using Comments.Storage.Support;
using Comments.Storage.Comments;
using Comments.Storage.Reactions;
using Comments.Storage.Reports;
using Comments.Storage.Decisions;
using Comments.Storage.Sites;
using Comments.Storage.Users;
using Microsoft.EntityFrameworkCore;

namespace Comments.Storage;

/// <summary>
/// The comments database. Migrations live in this project; add one with
/// <c>dotnet ef migrations add NAME --project src/Comments.Storage</c>.
/// </summary>
public class CommentsDbContext(DbContextOptions<CommentsDbContext> options) : DbContext(options)
{
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<WordList> WordLists => Set<WordList>();
    public DbSet<SettingsChange> SettingsChanges => Set<SettingsChange>();
    public DbSet<UserStanding> UserStandings => Set<UserStanding>();
    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();
    public DbSet<ArticleStats> ArticleStats => Set<ArticleStats>();
    public DbSet<ArticleSettings> ArticleSettings => Set<ArticleSettings>();
    public DbSet<ArticleProtection> ArticleProtections => Set<ArticleProtection>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReporterTrust> ReporterTrust => Set<ReporterTrust>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ModerationNote> ModerationNotes => Set<ModerationNote>();
    public DbSet<QueueCount> QueueCounts => Set<QueueCount>();
    public DbSet<QueueSnapshot> QueueSnapshots => Set<QueueSnapshot>();
    public DbSet<ClassifierModelVersion> ClassifierModels => Set<ClassifierModelVersion>();
    public DbSet<HelpRequest> HelpRequests => Set<HelpRequest>();
    public DbSet<HelpRequestEvent> HelpRequestEvents => Set<HelpRequestEvent>();
    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();
    public DbSet<PostRefusal> PostRefusals => Set<PostRefusal>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ReaderPreferences> ReaderPreferences => Set<ReaderPreferences>();
    public DbSet<IgnoredReader> IgnoredReaders => Set<IgnoredReader>();
    public DbSet<HelpPreview> HelpPreviews => Set<HelpPreview>();
    public DbSet<LegalNotice> LegalNotices => Set<LegalNotice>();
    public DbSet<StatementOfReasons> StatementsOfReasons => Set<StatementOfReasons>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<NotifierSuspension> NotifierSuspensions => Set<NotifierSuspension>();

    // pg_trgm: the trigram indexes of moderator search (CommentConfiguration).
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.HasPostgresExtension("pg_trgm").ApplyConfigurationsFromAssembly(typeof(CommentsDbContext).Assembly);
}
