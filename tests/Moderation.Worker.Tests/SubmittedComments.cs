using Comments.Contracts;

namespace Moderation.Worker.Tests;

/// <summary>New comments as the API sends them, each by a reader of its own.</summary>
internal static class SubmittedComments
{
    public static CommentSubmitted New(string? articleId = null, string body = "A fair point about the budget.", Guid? parentId = null) => new()
    {
        CommentId = Guid.CreateVersion7(),
        ArticleId = articleId ?? $"article-{Guid.NewGuid():N}",
        ParentId = parentId,
        Depth = parentId is null ? 0 : 1,
        AuthorId = $"reader-{Guid.NewGuid():N}",
        AuthorName = "Reader",
        Body = body,
        SubmittedAt = DateTimeOffset.UtcNow,
    };
}
