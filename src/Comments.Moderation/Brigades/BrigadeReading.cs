namespace Comments.Moderation.Brigades;

/// <summary>One signal's value on an article against the site's threshold for it.</summary>
public sealed record BrigadeReading(BrigadeSignal Signal, double Value, double Threshold)
{
    public bool Crossed => Value >= Threshold;
}
