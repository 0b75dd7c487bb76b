using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Comments;

/// <summary>One keyset page: fetch one row more than asked, to know whether there is a next page and where it starts.</summary>
public static class Paging
{
    public static async Task<Page<TView>> ToPageAsync<TRow, TView>(
        this IQueryable<TRow> ordered,
        int pageSize,
        Func<TRow, ListingCursor> cursorOf,
        Func<List<TRow>, Task<List<TView>>> project,
        CancellationToken cancellationToken)
    {
        var rows = await ordered.Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? cursorOf(page[^1]).Encode() : null;
        return new Page<TView>(await project(page), next);
    }

    public static Task<Page<TView>> ToPageAsync<TRow, TView>(
        this IQueryable<TRow> ordered, int pageSize, Func<TRow, ListingCursor> cursorOf, Func<TRow, TView> project, CancellationToken cancellationToken) =>
        ordered.ToPageAsync(pageSize, cursorOf, rows => Task.FromResult(rows.Select(project).ToList()), cancellationToken);
}
