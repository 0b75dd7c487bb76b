using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>10. A link from an author with fewer than the set number of approved comments is held.</summary>
public sealed class LinksPhase : IModerationPhase
{
    public string Name => "links";

    public async ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.LinksEnabled && context.Findings.HasLink)
        {
            var approved = (await context.AuthorRecordAsync(cancellationToken)).Approved;
            if (approved < context.Settings.LinksMinApprovedComments)
            {
                context.Hold(ReasonCodes.Links, Name, $"{approved} approved comments");
            }
        }
    }
}
