using System.ComponentModel.DataAnnotations;
using Comments.Api.Infrastructure.Validation;
using Comments.Storage.Comments;

namespace Comments.Api.Legal;

/// <summary>A notice of illegal content (article 16(2)): the ground, why, who (unless the ground is exempt), and good faith.</summary>
public sealed record NoticeRequest(
    [property: Required(ErrorMessage = "category is required."), StringLength(64, ErrorMessage = "category must be at most 64 characters.")] string? Category,
    [property: Text(NoticeRequest.MinExplanationLength, NoticeRequest.MaxExplanationLength)] string? Explanation,
    [property: Text(0, CommentConfiguration.AuthorNameMaxLength)] string? Name,
    [property: Text(0, 254)] string? Email,
    bool? GoodFaith)
{
    public const int MinExplanationLength = 10;

    /// <summary>As the column holds (legal_notices.explanation).</summary>
    public const int MaxExplanationLength = 4_000;
}

/// <summary>What the notifier gets back at once: the reference to quote, and when it was received.</summary>
public sealed record AcceptedNotice(string Reference, DateTimeOffset ReceivedAt, string Message);
