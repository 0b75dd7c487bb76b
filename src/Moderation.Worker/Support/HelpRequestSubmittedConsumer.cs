using System.Text.Json;
using Comments.Contracts;
using Comments.Moderation.Analysis;
using Comments.Moderation.Words;
using Comments.Storage;
using Comments.Storage.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Moderation.Worker.Support;

/// <summary>
/// Stores and triages a help request: category (when the reader gave none), spam check, priority, duplicate linking,
/// context and the triage note, due time. Runs once per request however often the message is delivered.
/// </summary>
public sealed class HelpRequestSubmittedConsumer(CommentsDbContext db, ContentAnalyzer analyzer, TriageContext context, TimeProvider clock)
    : IConsumer<HelpRequestSubmitted>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<HelpRequestSubmitted> message)
    {
        var cancellationToken = message.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.InsertIfAbsentAsync(message.Message, cancellationToken);
        var request = await LockAsync(message.Message.HelpRequestId, cancellationToken);
        if (request is null)
        {
            // The reference was already taken by another request (1 in 28 million): store this one under a new one.
            await db.InsertIfAbsentAsync(message.Message with { Reference = HelpDesk.NewReference() }, cancellationToken);
            request = await LockAsync(message.Message.HelpRequestId, cancellationToken)
                ?? throw new InvalidOperationException($"Help request {message.Message.HelpRequestId} could not be stored; retrying.");
        }
        if (request.Triaged)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (request.CommentId is { } commentId && !await db.Comments.AnyAsync(c => c.Id == commentId && c.AuthorId == request.RequesterId, cancellationToken))
        {
            // The API accepts only the requester's own comment; a message from elsewhere on the broker's network is not trusted.
            request.CommentId = null;
            AddEvent(request.Id, HelpRequestEventKind.Triage, null, "The named comment is not the requester's; it was left out.", visible: false, now);
        }
        request.Category = request.CategoryGiven ? request.Category : TriageRules.Category(request.Message);
        request.IsSpam = analyzer.Analyze(request.Message, WordMatcher.Empty).Spam >= analyzer.SpamHoldThreshold(new());
        request.Priority = TriageRules.Priority(request.Category, request.Message, request.IsSpam);
        request.FirstReplyDueAt = request.CreatedAt + HelpDesk.FirstReplyWithin(request.Priority);
        request.ContextJson = JsonSerializer.Serialize(await context.BuildAsync(request, cancellationToken), Json);
        request.TriageNote = await context.NoteAsync(request, cancellationToken);
        request.Triaged = true;
        request.UpdatedAt = now;
        AddEvent(request.Id, HelpRequestEventKind.Triage, null, $"{request.Category.WireName()}, {request.Priority.WireName()}{(request.IsSpam ? ", looks like spam" : "")}", visible: false, now);
        if (message.Message.AccessToken is { } accessToken && request.Email is { } to && !request.IsSpam
            && HelpRequestAccess.Matches(accessToken, request.AccessTokenHash))
        {
            db.OutgoingMail.Add(HelpRequestAccess.Acknowledgement(to, request.Reference, accessToken, request.Id, now));
        }

        if (await OpenDuplicateOfAsync(request, cancellationToken) is { } original)
        {
            request.DuplicateOfId = original.Id;
            request.Status = HelpRequestStatus.Closed;
            AddEvent(request.Id, HelpRequestEventKind.Duplicate, null, $"Linked to {original.Reference}, which is still open.", visible: true, now);
            AddEvent(original.Id, HelpRequestEventKind.Duplicate, request.Message, $"The reader wrote again ({request.Reference}).", visible: false, now);
            original.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Task<HelpRequest?> LockAsync(Guid id, CancellationToken cancellationToken) =>
        db.HelpRequests.FromSql($"select * from help_requests where id = {id} for update").SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The same signed-in requester and category within 24 hours, still open. Never by e-mail address: anyone can type
    /// anyone's address, and a link would show them the other request.
    /// </summary>
    private Task<HelpRequest?> OpenDuplicateOfAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        if (request.RequesterId is not { } requester)
        {
            return Task.FromResult<HelpRequest?>(null);
        }
        var since = request.CreatedAt.AddHours(-24);
        return db.HelpRequests
            .Where(r => r.Id != request.Id && r.Category == request.Category && r.CreatedAt >= since && r.CreatedAt <= request.CreatedAt
                && r.DuplicateOfId == null && HelpDesk.OpenStatuses.Contains(r.Status)
                && r.RequesterId == requester)
            .OrderBy(r => r.CreatedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private void AddEvent(Guid requestId, HelpRequestEventKind kind, string? body, string after, bool visible, DateTimeOffset at) =>
        db.HelpRequestEvents.Add(HelpRequestEvent.Create(requestId, kind, HelpRequestEvent.SystemActor, at, visible, body: body, after: after));
}
