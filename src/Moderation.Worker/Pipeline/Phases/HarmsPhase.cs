using Comments.Moderation.Harms;

namespace Moderation.Worker.Pipeline.Phases;

/// <summary>
/// 7. A phrase that names a harm (a threat, a wish for someone's death, someone's street or workplace, a group called
/// vermin, ...), or a comment close to an example of a harm in the site's bank, holds it for a moderator under that
/// harm's own code, with the phrase or the example as the detail.
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
            if (context.Findings.ExampleAtLeast(context.Settings.ExampleSimilarity) is { } example && context.Findings.Harms.All(h => h.Kind != example.Harm))
            {
                context.Hold(HarmCodes.For(example.Harm), Name,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"like the example \"{example.Example}\" ({example.Similarity:F2})"));
            }
        }
        return ValueTask.CompletedTask;
    }
}
