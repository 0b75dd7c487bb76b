using Comments.Moderation.Brigades;
using Comments.Moderation.Settings;

namespace Moderation.Worker.Tests;

/// <summary>The brigade watch's judgement of an article's last minutes against a site's thresholds (issue 19).</summary>
public sealed class BrigadeVerdictTests
{
    private static ArticleActivity Activity(int comments = 20, int decided = 20, int held = 0, int newAccounts = 0, int reports = 0, double usual = 0) =>
        new("site", "article", 5, comments, decided, held, newAccounts, reports, usual);

    [Fact]
    public void Abuse_from_new_accounts_crosses_two_signals_and_is_an_attack()
    {
        var verdict = BrigadeVerdict.For(Activity(held: 12, newAccounts: 18), new ModerationSettings());
        Assert.True(verdict.UnderAttack);
        Assert.Equal([BrigadeSignal.HeldShare, BrigadeSignal.NewAccountShare], verdict.Readings.Where(r => r.Crossed).Select(r => r.Signal));
    }

    [Theory]
    [InlineData("new accounts only, a calm story drawing newcomers", 0, 20, 0, 0.0)]
    [InlineData("held comments only, a heated story among regulars", 15, 0, 0, 0.0)]
    [InlineData("a busy story at its usual pace with many reports", 0, 0, 10, 10.0)]
    public void One_signal_alone_is_not_an_attack(string story, int held, int newAccounts, int reports, double usual)
    {
        var verdict = BrigadeVerdict.For(Activity(held: held, newAccounts: newAccounts, reports: reports, usual: usual), new ModerationSettings());
        Assert.False(verdict.UnderAttack, story);
    }

    [Fact]
    public void Too_few_comments_or_the_protection_turned_off_is_never_an_attack()
    {
        Assert.False(BrigadeVerdict.For(Activity(comments: 9, decided: 9, held: 9, newAccounts: 9), new ModerationSettings()).UnderAttack);
        Assert.False(BrigadeVerdict.For(Activity(held: 20, newAccounts: 20, reports: 20), new ModerationSettings { BrigadeProtectionEnabled = false }).UnderAttack);
    }

    [Fact]
    public void The_rate_counts_against_at_least_one_comment_a_minute_so_a_new_articles_first_hour_is_not_a_spike()
    {
        Assert.Equal(4.0, Activity(comments: 20, usual: 0).RateMultiple); // 20 in 5 minutes against the floor of 1 a minute
        Assert.Equal(0.4, Activity(comments: 20, usual: 10).RateMultiple);
        Assert.True(BrigadeVerdict.For(Activity(comments: 100, decided: 100, newAccounts: 80), new ModerationSettings()).UnderAttack); // 20 a minute, 80% new
    }
}
