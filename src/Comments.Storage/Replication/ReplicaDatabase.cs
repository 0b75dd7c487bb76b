using Microsoft.EntityFrameworkCore;

namespace Comments.Storage.Replication;

/// <summary>
/// Contexts on the streaming replica that public reads may use (<c>ConnectionStrings:CommentsRead</c>), or none when
/// no replica is configured and everything reads the primary. A pool of its own, so that replica connections never
/// take the primary's places.
/// </summary>
public sealed class ReplicaDatabase(IDbContextFactory<CommentsDbContext>? contexts)
{
    public bool Configured => contexts is not null;

    /// <summary>A context on the replica, which the caller disposes; only when <see cref="Configured"/>.</summary>
    public CommentsDbContext CreateContext() =>
        (contexts ?? throw new InvalidOperationException("No replica is configured (ConnectionStrings:CommentsRead).")).CreateDbContext();
}
