using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Comments.Storage;

/// <summary>Lets <c>dotnet ef</c> build the context without a host; it never connects when adding migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CommentsDbContext>
{
    public CommentsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Comments")
            ?? "Host=127.0.0.1;Port=54320;Username=postgres;Database=comments";
        var options = new DbContextOptionsBuilder<CommentsDbContext>();
        options.UseCommentsDatabase(connectionString);
        return new CommentsDbContext(options.Options);
    }
}
