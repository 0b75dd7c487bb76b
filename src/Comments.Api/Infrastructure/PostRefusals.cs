using Comments.Storage.Support;

namespace Comments.Api.Infrastructure;

/// <summary>
/// Remembers why a signed-in reader's post was refused (rate limit, validation, standing), so that support can see
/// it beside a "I can't post" request. Best effort: a failure to record never changes the answer.
/// </summary>
public sealed class PostRefusals(OptionalDatabaseWork optionalWork, TimeProvider clock)
{
    public async Task RecordAsync(string? userId, string reason, string? detail)
    {
        if (userId is null)
        {
            return;
        }
        var refusal = new PostRefusal
        {
            Id = Guid.CreateVersion7(), UserId = userId, Reason = reason, At = clock.GetUtcNow(), Detail = detail is { Length: > 500 } ? detail[..500] : detail,
        };
        await optionalWork.TryAsync("record a post refusal", async (db, token) => { db.PostRefusals.Add(refusal); return await db.SaveChangesAsync(token); }, 0);
    }
}
