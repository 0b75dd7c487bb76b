using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// 4. A new comment whose author already submitted <see cref="PostingLimitOptions.PostsPerWindow"/> in the window before
/// it is rejected. Counted from the stored rows in submission order (the API writes each before its 202, best effort),
/// so every worker decides the same whichever API took each post; posts in flight at once may pass a few over it.
/// Edits are left to the API's own limit.
/// </summary>
public sealed class PostingLimitPhase : IModerationPhase
{
    public string Name => "posting_limit";

    public async ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var limit = context.PostingLimit;
        if (!limit.Enabled || context.Subject.IsEdit)
        {
            return;
        }
        var before = (await context.AuthorRecordAsync(cancellationToken)).PostedInWindow;
        if (before >= limit.PostsPerWindow)
        {
            context.Reject(ReasonCodes.PostingLimit, Name, $"{before} in the {limit.WindowSeconds} s before");
        }
    }
}
