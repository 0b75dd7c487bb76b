using Comments.Moderation.Reasons;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>12. An author with enough recently decided comments, too many of them rejected, is held.</summary>
public sealed class RecentHistoryPhase : IModerationPhase
{
    public string Name => "recent_history";

    public async ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        if (!settings.RecentHistoryEnabled)
        {
            return;
        }
        var record = await context.AuthorRecordAsync(cancellationToken);
        var (decided, rejected) = (record.RecentDecided, record.RecentRejected);
        if (decided >= settings.RecentHistoryMinDecided && rejected >= settings.RecentHistoryRejectedRatio * decided)
        {
            context.Hold(ReasonCodes.RecentHistory, Name, $"{rejected} of {decided} rejected");
        }
    }
}
