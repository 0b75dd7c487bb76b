using System.Globalization;
using Comments.Api.Infrastructure;
using Comments.Storage;
using Comments.Storage.Comments;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Moderation;

/// <summary>
/// What a moderator searches for, checked: <c>q</c> is a comment id or a phrase in the text (ignoring case, a trigram
/// index finds it); <c>author</c> an author id or a display name (exact, ignoring case); the rest narrow it down.
/// </summary>
public sealed record ModeratorSearch(Guid? CommentId, string? Phrase, string? Author, string? ArticleId, CommentStatus? Status, DateTimeOffset? From, DateTimeOffset? To)
{
    public const int MinTextLength = 3;
    public const int MaxTextLength = 200;

    public static Dictionary<string, string[]> Validate(string? q, string? author, string? articleId, string? status, string? from, string? to, out ModeratorSearch search)
    {
        var errors = new Dictionary<string, string[]>();
        // The console sends every field, empty ones too: empty means not asked.
        (q, author, articleId, status, from, to) = (Given(q), Given(author), Given(articleId), Given(status), Given(from), Given(to));
        Guid? commentId = Guid.TryParse(q, out var id) ? id : null;
        if (commentId is null && q is { Length: < MinTextLength or > MaxTextLength } || HasControlCharacters(q))
        {
            errors["q"] = [$"q must be a comment id or {MinTextLength} to {MaxTextLength} characters of text."];
        }
        if (author is { Length: < 1 or > CommentConfiguration.AuthorIdMaxLength } || HasControlCharacters(author))
        {
            errors["author"] = [$"author must be an author id or display name of 1 to {CommentConfiguration.AuthorIdMaxLength} characters."];
        }
        if (articleId is not null && !ArticleKey.IsValid(articleId)) errors["articleId"] = [ArticleKey.Rule];
        CommentStatus? parsedStatus = null;
        if (status is not null)
        {
            if (WireNames<CommentStatus>.TryParse(status, out var value)) parsedStatus = value;
            else errors["status"] = [$"status must be {WireNames<CommentStatus>.OneOf}."];
        }
        var start = ParseInstant(from, "from", errors);
        var end = ParseInstant(to, "to", errors);
        if (start is not null && end is not null && start >= end) errors["to"] = ["to must be after from."];
        search = new ModeratorSearch(commentId, commentId is null ? q : null, author, articleId, parsedStatus, start, end);
        return errors;
    }

    /// <summary>This site's comments that match, newest first, after the cursor's position.</summary>
    public IQueryable<Comment> Apply(IQueryable<Comment> comments, string site, ListingCursor? after)
    {
        comments = comments.Where(c => c.SiteId == site);
        if (CommentId is { } id) comments = comments.Where(c => c.Id == id);
        if (Phrase is { } phrase)
        {
            var pattern = $"%{EscapeLike(phrase)}%";
            comments = comments.Where(c => EF.Functions.ILike(c.Body, pattern, "\\"));
        }
        if (Author is { } author)
        {
            var name = author.ToLowerInvariant(); // the index is on lower(author_name)
            comments = comments.Where(c => c.AuthorId == author || c.AuthorName.ToLower() == name);
        }
        if (ArticleId is { } articleId) comments = comments.Where(c => c.ArticleId == articleId);
        if (Status is { } status) comments = comments.Where(c => c.Status == status);
        if (From is { } from) comments = comments.Where(c => c.CreatedAt >= from);
        if (To is { } to) comments = comments.Where(c => c.CreatedAt < to);
        if (after is not null)
        {
            comments = comments.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.CreatedAt, c.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }
        return comments.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // NUL is refused by PostgreSQL (a 500); other control characters are never typed into a search.
    private static bool HasControlCharacters(string? text) => text is not null && text.Any(char.IsControl);

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <summary>An ISO 8601 date or date and time; without an offset, UTC.</summary>
    private static DateTimeOffset? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (text.Length <= 40 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            && value.Year is >= 2000 and <= 9998)
        {
            return value.ToUniversalTime();
        }
        errors[field] = [$"{field} must be an ISO 8601 date or date and time, such as 2026-12-01 or 2026-12-01T08:30:00Z."];
        return null;
    }
}
