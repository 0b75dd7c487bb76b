using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>3. Moderators and admins are approved without the filters that follow.</summary>
public sealed class StaffPhase : IModerationPhase
{
    private static readonly string[] StaffRoles = ["moderator", "admin"];

    public string Name => "staff";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.StaffBypass && context.Subject.AuthorRoles.Any(StaffRoles.Contains))
        {
            context.Approve(ReasonCodes.Staff, Name);
        }
        return ValueTask.CompletedTask;
    }
}
