using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Infrastructure;

/// <summary>One keyset page: fetch one row more than asked, to know whether there is a next page and where it starts.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>A page's limit and cursor, as every listing takes them.</summary>
    public static Dictionary<string, string[]> Validate(int? limit, string? cursor, string sort, out ListingCursor? position)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxPageSize}."];
        }
        if (!ListingCursor.TryDecode(cursor, sort, out position))
        {
            errors["cursor"] = ["cursor is not one this API issued for this listing; start again without it."];
        }
        return errors;
    }

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
