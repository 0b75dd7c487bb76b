using Comments.Moderation.Reasons;
using Comments.Moderation.Words;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>5. A banned word or phrase rejects the comment; the reason names the term.</summary>
public sealed class BannedWordsPhase : IModerationPhase
{
    public string Name => "banned_words";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.BannedWordsEnabled && context.MatchesIn(WordListKind.Banned).FirstOrDefault() is { } match)
        {
            context.Reject(ReasonCodes.BannedWord, Name, match.Term);
        }
        return ValueTask.CompletedTask;
    }
}
