using Comments.Storage.Users;

namespace Moderation.Worker.Pipeline;

/// <summary>
/// The comment being moderated and who wrote it; <see cref="NeedsHuman"/> when it is an edit of a comment a person decided
/// (rejected, or approved and reported) or that waited for one; <see cref="IsEdit"/> when it is any edit (<see cref="CreatedAt"/> is then the edit's time).
/// </summary>
public sealed record ModerationSubject(
    Guid CommentId,
    string SiteId,
    string AuthorId,
    IReadOnlyList<string> AuthorRoles,
    string Body,
    DateTimeOffset CreatedAt,
    UserStanding? Standing,
    bool NeedsHuman = false,
    bool IsEdit = false);
