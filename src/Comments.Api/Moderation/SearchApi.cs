using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Moderation;

/// <summary>Moderators search this site's comments by text, author, comment id, article, status and time, newest first.</summary>
public static class SearchApi
{
    private const string CursorSort = "search";

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/moderation").WithTags("Moderator search").RequireAuthorization(Policies.Moderator);
        api.MapGet("/search", Search);
        return api;
    }

    /// <summary>Only the site this API serves (<c>Comments:SiteId</c>): no parameter reaches another site's comments.</summary>
    public static async Task<Results<Ok<Page<QueueItem>>, ValidationProblem>> Search(
        string? q, string? author, string? articleId, string? status, string? from, string? to, int? limit, string? cursor,
        CommentsDbContext db, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        var errors = ModeratorSearch.Validate(q, author, articleId, status, from, to, out var search);
        var paging = Paging.Validate(limit, cursor, CursorSort, out var position);
        foreach (var (field, messages) in paging)
        {
            errors[field] = messages;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // A plan for each search's own values: a common word is found fastest by walking the newest comments, a rare one
        // through the trigram index. Npgsql prepares repeated statements, and PostgreSQL's generic plan for a prepared
        // ILIKE guesses one selectivity for every word (docs/performance.md, "Moderator search").
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("set local plan_cache_mode = force_custom_plan", cancellationToken);
        var matches = search.Apply(db.Comments.AsNoTracking(), options.Value.SiteId, position);
        var page = await matches.ToPageAsync(limit ?? Paging.DefaultPageSize, last => new ListingCursor(CursorSort, 0, last.CreatedAt, last.Id),
            rows => QueueItems.BuildAsync(db, rows, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(page);
    }
}
