using Comments.Moderation.Reasons;
using Comments.Moderation.Words;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>6. A suspect word or phrase holds the comment for a moderator.</summary>
public sealed class SuspectWordsPhase : IModerationPhase
{
    public string Name => "suspect_words";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        var terms = context.MatchesIn(WordListKind.Suspect).Select(m => m.Term).Distinct().ToList();
        if (context.Settings.SuspectWordsEnabled && terms.Count > 0)
        {
            context.Hold(ReasonCodes.SuspectWord, Name, string.Join(", ", terms));
        }
        return ValueTask.CompletedTask;
    }
}
