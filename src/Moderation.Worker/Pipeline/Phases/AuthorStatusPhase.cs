using System.Globalization;
using Comments.Moderation.Reasons;
using Comments.Storage.Users;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>2. Banned authors are rejected, suspended ones rejected until the suspension ends, pre-moderated ones held.</summary>
public sealed class AuthorStatusPhase(TimeProvider clock) : IModerationPhase
{
    public string Name => "author_status";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var standing = context.Subject.Standing;
        switch (standing?.Status)
        {
            case UserStatus.Banned:
                context.Reject(ReasonCodes.AuthorBanned, Name, standing.Reason);
                break;
            case UserStatus.Suspended when standing.SuspendedUntil is null || standing.SuspendedUntil > clock.GetUtcNow():
                context.Reject(ReasonCodes.AuthorSuspended, Name, standing.SuspendedUntil?.ToString("O", CultureInfo.InvariantCulture));
                break;
            case UserStatus.Premoderated:
                context.Hold(ReasonCodes.AuthorPremoderated, Name, standing.Reason);
                break;
        }
        return ValueTask.CompletedTask;
    }
}
