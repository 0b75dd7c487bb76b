using Comments.Moderation.Notifications;
using Comments.Storage;
using Comments.Storage.Notifications;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Notifications;

/// <summary>One notification as its reader sees it: what happened in a sentence, and what it is about.</summary>
public sealed record NotificationView(
    Guid Id, NotificationKind Kind, string Text, DateTimeOffset CreatedAt, bool Read, string? ArticleId, Guid? CommentId,
    Guid? HelpRequestId, string? HelpRequestReference, string? Outcome, string? ReasonCode)
{
    public static NotificationView From(IStringLocalizer text, NotificationFacts facts)
    {
        var n = facts.Notification;
        return new(n.Id, n.Kind, NotificationText.For(text, facts), n.CreatedAt, n.ReadAt is not null, n.ArticleId, n.CommentId, n.HelpRequestId, facts.Reference,
            facts.Outcome?.WireName(), facts.ReasonCode);
    }
}

/// <summary>A page of the reader's notifications, newest first, with how many of all of them are unread.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, string? NextCursor, int Unread);

/// <summary>Marks read: every notification (no field), those up to and including one (<c>upTo</c>), or the ones named (<c>ids</c>).</summary>
public sealed record MarkReadRequest(Guid? UpTo, [property: System.ComponentModel.DataAnnotations.MaxLength(100)] Guid[]? Ids);

public sealed record UnreadCount(int Unread);
