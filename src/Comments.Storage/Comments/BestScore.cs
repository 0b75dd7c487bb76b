namespace Comments.Storage.Comments;

/// <summary>
/// The "best" sort's score: the lower bound of the 95% Wilson score interval for the share of readers who respect a
/// comment, with respects out of respects plus <see cref="PriorReaders"/> readers who passed by without one (we do
/// not count views). Stored in <c>comments.best_score</c> whenever the respect count changes, so the sort is an index
/// walk; docs/how-it-works.md explains the choice.
/// </summary>
public static class BestScore
{
    /// <summary>The readers assumed to have read a comment without respecting it, so that a handful of respects is not a certainty.</summary>
    public const int PriorReaders = 10;

    /// <summary>z for a two-sided 95% interval.</summary>
    private const double Z = 1.959963984540054;

    public static double Of(int respects) => WilsonLowerBound(Math.Max(0, respects), Math.Max(0, respects) + PriorReaders);

    /// <summary>The lower bound of the Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>; 0 with no trials.</summary>
    public static double WilsonLowerBound(int successes, int trials)
    {
        if (trials <= 0)
        {
            return 0;
        }
        double n = trials, p = successes / n, z2 = Z * Z;
        var bound = (p + z2 / (2 * n) - Z * Math.Sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
        return Math.Max(0, bound);
    }
}
