using Comments.Storage.Comments;
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommentsDbContext).Assembly);
}
