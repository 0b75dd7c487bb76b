using System.Net.Http.Json;
using System.Text.Json;
using Comments.Contracts;
using Comments.Storage;
using Comments.Storage.Comments.Lifecycle;
using Comments.Storage.Notifications;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>Helpers for the notification tests: a reader's notifications, a moderator's decision, an event as the bus would redeliver it.</summary>
public static class NotificationTestData
{
    public static Task<JsonElement> NotificationsAsync(this HttpClient reader, string query = "limit=100") =>
        reader.GetFromJsonAsync<JsonElement>($"/api/me/notifications?{query}", TestData.Json);

    public static Task<List<JsonElement>> WaitForNotificationsAsync(this HttpClient reader, string kind, int count, string what) =>
        Eventually.Until(async () => (await reader.NotificationsAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == kind).ToList(), items => items.Count >= count, what);

    public static async Task<Guid> PostAcceptedReplyAsync(this HttpClient author, string articleId, Guid parentId, string body)
    {
        var response = await author.PostCommentAsync(articleId, body, parentId);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("id").GetGuid();
    }

    public static async Task DecideAsync(this HttpClient moderator, Guid id, string action, string? reason = null)
    {
        var history = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{id}/history", TestData.Json);
        var response = await moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision",
            new { action, reason, version = history.GetProperty("version").GetUInt32() });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The comment's latest decision as the event that announced it (a list of one, as after a person's decision).</summary>
    public static async Task<CommentsModerated> LatestDecisionEventAsync(Guid commentId)
    {
        await using var db = TestServices.CreateDbContext();
        var decision = await db.Decisions.AsNoTracking().Where(d => d.CommentId == commentId).OrderByDescending(d => d.DecidedAt).FirstAsync();
        var articleId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.ArticleId).SingleAsync();
        return new CommentsModerated { Items = [CommentLifecycle.ModeratedOf(decision, articleId)] };
    }

    public static async Task<int> StoredNotificationsAsync(string userId)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.Notifications.CountAsync(n => n.UserId == userId);
    }

    /// <summary>A featured-comment notification stored directly, for tests of listing, marking and mailing.</summary>
    public static async Task<Guid> AddNotificationAsync(string userId, DateTimeOffset at, NotificationKind kind = NotificationKind.Featured, string? actorName = null,
        DateTimeOffset? readAt = null, string siteId = global::Comments.Storage.Sites.SiteSettings.DefaultSiteId)
    {
        await using var db = TestServices.CreateDbContext();
        var id = Guid.CreateVersion7(at);
        db.Notifications.Add(new Notification
        {
            Id = id, SiteId = siteId, UserId = userId, Kind = kind, SubjectId = Guid.NewGuid(), CommentId = Guid.NewGuid(), ArticleId = TestData.NewArticleId(), ActorName = actorName,
            CreatedAt = at, ReadAt = readAt,
        });
        await db.SaveChangesAsync();
        return id;
    }
}
