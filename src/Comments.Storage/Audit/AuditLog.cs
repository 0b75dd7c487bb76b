using System.Text.Json;

namespace Comments.Storage.Audit;

public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry to the context; it is written with the change it records, in the same SaveChanges.</summary>
    public static AuditEntry Audit(this CommentsDbContext db, string actor, string action, string targetType, string targetId,
        DateTimeOffset at, object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(at),
            Actor = actor,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            At = at,
            BeforeJson = before is null ? null : before as string ?? JsonSerializer.Serialize(before, Json),
            AfterJson = after is null ? null : after as string ?? JsonSerializer.Serialize(after, Json),
        }).Entity;
}
