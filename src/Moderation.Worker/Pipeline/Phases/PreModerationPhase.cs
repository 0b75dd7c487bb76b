using Comments.Moderation.Reasons;
using Comments.Storage.Articles;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// 14. With site pre-moderation on, everything is held, and so is everything on an article pre-moderated on its own or protected against a brigade; so is an edit that must not undo a person's decision (an author
/// adding "!" to a rejected comment would otherwise have it approved by the pipeline).
/// </summary>
public sealed class PreModerationPhase : IModerationPhase
{
    public string Name => "premoderation";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.PreModeration)
        {
            context.Hold(ReasonCodes.PreModeration, Name);
        }
        if (context.Article.PreModeration)
        {
            context.Hold(ReasonCodes.ArticlePreModeration, Name);
        }
        if (context.Protection?.Mode == ArticleProtectionMode.PreModeration)
        {
            context.Hold(ReasonCodes.ArticleProtection, Name);
        }
        if (context.Subject.NeedsHuman)
        {
            context.Hold(ReasonCodes.EditedAfterReview, Name);
        }
        return ValueTask.CompletedTask;
    }
}
