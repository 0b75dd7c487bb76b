using Comments.Api.Infrastructure;
using Comments.Api.Replication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Comments;

/// <summary>
/// Published comment counts for a host site's index pages (count.js): one request for up to 100 articles, each
/// answered from its maintained counter (0 for an article nobody has commented on), in the order asked.
/// </summary>
public static class ArticleCounts
{
    public static async Task<Results<Ok<ArticleCountsView>, ValidationProblem>> GetCounts(
        string? ids, HttpRequest request, PublicReads reads, IOptions<CommentOptions> options, CancellationToken cancellationToken)
    {
        if (ArticleKey.ParseList(ids, out var error) is not { } keys)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [error!] });
        }
        var site = options.Value.SiteId;
        var db = await reads.ForArticlesAsync(request, keys, cancellationToken);
        var counts = await db.ArticleStats.AsNoTracking()
            .Where(s => s.SiteId == site && keys.Contains(s.ArticleId))
            .ToDictionaryAsync(s => s.ArticleId, s => s.PublishedCount, cancellationToken);
        return TypedResults.Ok(new ArticleCountsView([.. keys.Select(key => new ArticleCount(key, counts.GetValueOrDefault(key)))]));
    }
}

public sealed record ArticleCountsView(IReadOnlyList<ArticleCount> Articles);

public sealed record ArticleCount(string ArticleId, int PublishedCount);
