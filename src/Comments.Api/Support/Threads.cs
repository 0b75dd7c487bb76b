using Comments.Storage;
using Comments.Storage.Support;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Support;

public static class Threads
{
    /// <summary>A request's thread in time order; for the reader only the entries meant for them.</summary>
    public static async Task<IReadOnlyList<ThreadEntry>> LoadAsync(CommentsDbContext db, Guid requestId, bool readerOnly, CancellationToken cancellationToken) =>
        await db.HelpRequestEvents.AsNoTracking()
            .Where(e => e.HelpRequestId == requestId && (!readerOnly || e.VisibleToReader))
            .OrderBy(e => e.At)
            .Select(e => new ThreadEntry(e.At, e.Kind, readerOnly && e.Actor != HelpRequestEvent.SystemActor ? "support" : e.Actor, e.Body, e.Before, e.After, e.VisibleToReader))
            .ToListAsync(cancellationToken);
}
