using Comments.Moderation.Settings;

namespace Comments.Moderation.Brigades;

/// <summary>Whether an article's activity looks like a brigade under a site's settings, with every reading behind it.</summary>
public sealed record BrigadeVerdict(bool UnderAttack, int Comments, IReadOnlyList<BrigadeReading> Readings)
{
    public static BrigadeVerdict For(ArticleActivity activity, ModerationSettings settings)
    {
        IReadOnlyList<BrigadeReading> readings =
        [
            new(BrigadeSignal.HeldShare, Math.Round(activity.HeldShare, 3), settings.BrigadeHeldShare),
            new(BrigadeSignal.NewAccountShare, Math.Round(activity.NewAccountShare, 3), settings.BrigadeNewAccountShare),
            new(BrigadeSignal.ReportsPerComment, Math.Round(activity.ReportsPerComment, 3), settings.BrigadeReportsPerComment),
            new(BrigadeSignal.RateMultiple, Math.Round(activity.RateMultiple, 3), settings.BrigadeRateMultiplier),
        ];
        var underAttack = settings.BrigadeProtectionEnabled && activity.Comments >= settings.BrigadeMinComments
            && readings.Count(r => r.Crossed) >= settings.BrigadeSignalsRequired;
        return new BrigadeVerdict(underAttack, activity.Comments, readings);
    }
}
