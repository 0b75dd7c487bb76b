namespace Comments.Storage.Reports;

/// <summary>How much a reader's reports count. No row means the starting weight.</summary>
public class ReporterTrust
{
    public const double StartingWeight = 1.0;
    public const double MinWeight = 0.25;
    public const double MaxWeight = 3.0;
    public const double Step = 0.25;

    public required string UserId { get; set; }
    public double Weight { get; set; } = StartingWeight;
    public int Upheld { get; set; }
    public int Dismissed { get; set; }

    /// <summary>A moderator upheld (true) or dismissed (false) one of this reader's reports; the weight stays within bounds.</summary>
    public void Record(bool upheld)
    {
        if (upheld)
        {
            Upheld++;
        }
        else
        {
            Dismissed++;
        }
        Weight = Math.Clamp(Weight + (upheld ? Step : -Step), MinWeight, MaxWeight);
    }
}
