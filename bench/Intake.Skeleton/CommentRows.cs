using Comments.Contracts;
using Npgsql;

namespace Intake.Skeleton;

/// <summary>
/// A batch of comments stored as rows of the real <c>comments</c> table (its indexes and trigger included), each with
/// the system's decision row, in one statement: one transaction and one round trip per batch. A comment stored
/// before (a redelivery after a crash) is skipped, so each revision still has exactly one decision.
/// </summary>
public static class CommentRows
{
    private const string Insert = """
        with stored as (
            insert into comments (id, site_id, article_id, parent_id, depth, revision, author_id, author_name, body, status, created_at, updated_at)
            select id, site_id, article_id, parent_id, depth, revision, author_id, author_name, body, 'approved', submitted_at, now()
            from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
                as c(id, site_id, article_id, parent_id, depth, revision, author_id, author_name, body, submitted_at)
            on conflict (id) do nothing
            returning id, revision)
        insert into decisions (id, comment_id, revision, outcome, reason_codes, actor, decided_at)
        select d.id, stored.id, stored.revision, 'approved', '{}', 'system', now()
        from stored join unnest($1::uuid[], $11::uuid[]) as d(comment_id, id) on d.comment_id = stored.id
        """;

    public static async Task StoreApprovedAsync(NpgsqlDataSource database, IReadOnlyList<CommentSubmitted> comments, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Insert);
        object[] columns =
        [
            comments.Select(c => c.CommentId).ToArray(),
            comments.Select(c => c.SiteId).ToArray(),
            comments.Select(c => c.ArticleId).ToArray(),
            comments.Select(c => c.ParentId).ToArray(),
            comments.Select(c => c.Depth).ToArray(),
            comments.Select(c => c.Revision).ToArray(),
            comments.Select(c => c.AuthorId).ToArray(),
            comments.Select(c => c.AuthorName).ToArray(),
            comments.Select(c => c.Body).ToArray(),
            comments.Select(c => c.SubmittedAt).ToArray(),
            comments.Select(_ => Guid.CreateVersion7()).ToArray(),
        ];
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = column });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
