using Comments.Moderation.Harms;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// 6. A phrase that names a harm (a threat, a wish for someone's death, someone's street or workplace, a group called
/// vermin, ...) holds the comment for a moderator under that harm's own code, with the phrase as the detail.
/// </summary>
public sealed class HarmsPhase : IModerationPhase
{
    public string Name => "harms";

    public ValueTask EvaluateAsync(ModerationContext context, CancellationToken cancellationToken)
    {
        if (context.Settings.HarmRulesEnabled)
        {
            foreach (var harm in context.Findings.Harms)
            {
                context.Hold(HarmCodes.For(harm.Kind), Name, harm.Text);
            }
        }
        return ValueTask.CompletedTask;
    }
}
