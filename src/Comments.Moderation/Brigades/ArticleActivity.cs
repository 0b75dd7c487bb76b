namespace Comments.Moderation.Brigades;

/// <summary>
/// What happened on one article in the brigade watch's window: comments made, those decided and those held or
/// rejected among them, those by authors first seen less than a day ago, reports made, and the article's usual rate.
/// </summary>
public sealed record ArticleActivity(
    string SiteId, string ArticleId, double WindowMinutes, int Comments, int Decided, int HeldOrRejected, int ByNewAccounts, int Reports,
    double UsualPerMinute)
{
    public double HeldShare => Decided == 0 ? 0 : (double)HeldOrRejected / Decided;
    public double NewAccountShare => Comments == 0 ? 0 : (double)ByNewAccounts / Comments;
    public double ReportsPerComment => Comments == 0 ? 0 : (double)Reports / Comments;

    /// <summary>The window's rate against the usual one, which counts as at least one comment a minute so a new article's first hour is not an attack.</summary>
    public double RateMultiple => Comments / WindowMinutes / Math.Max(1.0, UsualPerMinute);
}
