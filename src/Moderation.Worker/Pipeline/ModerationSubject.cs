using Comments.Storage.Users;

namespace Moderation.Worker.Pipeline;

/// <summary>The comment being moderated and who wrote it.</summary>
public sealed record ModerationSubject(
    Guid CommentId,
    string SiteId,
    string AuthorId,
    IReadOnlyList<string> AuthorRoles,
    string Body,
    DateTimeOffset CreatedAt,
    UserStanding? Standing);
