using Comments.Moderation.Reasons;
using Comments.Moderation.Settings;
using Comments.Storage.Decisions;
using Comments.Storage.Users;

namespace Moderation.Worker.Tests;

/// <summary>Each phase and the precedence between them, on the real word lists and models.</summary>
public sealed class ModerationPipelineTests
{
    private const string Clean = "The council should publish the full report on the flood defences.";

    [Fact]
    public async Task Clean_comment_is_approved_with_scores_model_versions_and_phase_timings()
    {
        var result = await PipelineHarness.RunAsync(Clean);

        Assert.Equal(DecisionOutcome.Approved, result.Outcome);
        Assert.Empty(result.ReasonCodes);
        Assert.InRange(result.Details.Scores["toxicity"], 0, 1);
        Assert.InRange(result.Details.Scores["spam"], 0, 1);
        Assert.StartsWith("toxicity-", result.Details.ModelVersions["toxicity"]);
        Assert.Equal(PipelineHarness.Pipeline.PhaseNames, result.Details.Phases.Select(p => p.Phase));
    }

    [Theory]
    [InlineData("   ", ReasonCodes.TooShort)]
    [InlineData("bad\0text", ReasonCodes.InvalidText)]
    public async Task Length_phase_rejects(string body, string code)
    {
        var result = await PipelineHarness.RunAsync(body);

        Assert.Equal(DecisionOutcome.Rejected, result.Outcome);
        Assert.Equal([code], result.ReasonCodes);
        Assert.Single(result.Details.Phases);
    }

    [Fact]
    public async Task Length_bounds_come_from_the_site_settings()
    {
        var result = await PipelineHarness.RunAsync(Clean, new ModerationSettings { MaxLength = 20 });

        Assert.Equal([ReasonCodes.TooLong], result.ReasonCodes);
    }

    [Fact]
    public async Task Banned_author_is_rejected_before_anything_else()
    {
        var result = await PipelineHarness.RunAsync("fuck this", standing: new UserStanding { UserId = "reader-1", Status = UserStatus.Banned });

        Assert.Equal(DecisionOutcome.Rejected, result.Outcome);
        Assert.Equal([ReasonCodes.AuthorBanned], result.ReasonCodes);
    }

    [Fact]
    public async Task Suspended_author_is_rejected_with_the_end_time_until_it_passes()
    {
        var until = DateTimeOffset.UtcNow.AddDays(2);
        var suspended = await PipelineHarness.RunAsync(Clean, standing: new UserStanding { UserId = "r", Status = UserStatus.Suspended, SuspendedUntil = until });
        var expired = await PipelineHarness.RunAsync(Clean, standing: new UserStanding { UserId = "r", Status = UserStatus.Suspended, SuspendedUntil = DateTimeOffset.UtcNow.AddMinutes(-1) });

        Assert.Equal([ReasonCodes.AuthorSuspended], suspended.ReasonCodes);
        Assert.Equal(until, DateTimeOffset.Parse(suspended.Details.Reasons[0].Detail!));
        Assert.Equal(DecisionOutcome.Approved, expired.Outcome);
    }

    [Fact]
    public async Task Premoderated_author_is_held_and_a_banned_word_still_rejects()
    {
        var premod = new UserStanding { UserId = "r", Status = UserStatus.Premoderated };

        var held = await PipelineHarness.RunAsync(Clean, standing: premod);
        var rejected = await PipelineHarness.RunAsync("what a fucking joke", standing: premod);

        Assert.Equal(DecisionOutcome.Held, held.Outcome);
        Assert.Equal([ReasonCodes.AuthorPremoderated], held.ReasonCodes);
        Assert.Equal(DecisionOutcome.Rejected, rejected.Outcome);
        Assert.Equal([ReasonCodes.AuthorPremoderated, ReasonCodes.BannedWord], rejected.ReasonCodes);
    }

    [Theory]
    [InlineData("moderator")]
    [InlineData("admin")]
    public async Task Staff_are_approved_without_the_filters(string role)
    {
        var result = await PipelineHarness.RunAsync("what a fucking joke, buy pills at cheap-pills.biz", roles: [role]);

        Assert.Equal(DecisionOutcome.Approved, result.Outcome);
        Assert.Equal([ReasonCodes.Staff], result.ReasonCodes);
    }

    [Fact]
    public async Task Staff_bypass_can_be_turned_off()
    {
        var result = await PipelineHarness.RunAsync("what a fucking joke", new ModerationSettings { StaffBypass = false }, roles: ["moderator"]);

        Assert.Equal(DecisionOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Banned_word_rejects_with_the_term_and_its_position()
    {
        const string body = "You are a f.u.c.k.i.n.g disgrace";

        var result = await PipelineHarness.RunAsync(body);

        Assert.Equal(DecisionOutcome.Rejected, result.Outcome);
        Assert.Equal([ReasonCodes.BannedWord], result.ReasonCodes);
        Assert.Equal("fucking", result.Details.Reasons[0].Detail);
        var match = Assert.Single(result.Details.Matches);
        Assert.Equal("f.u.c.k.i.n.g", body.Substring(match.Start, match.Length));
    }

    [Fact]
    public async Task Suspect_word_holds_and_the_run_goes_on_to_score()
    {
        var result = await PipelineHarness.RunAsync("The minister talked bullshit about the budget again.");

        Assert.Equal(DecisionOutcome.Held, result.Outcome);
        Assert.Contains(ReasonCodes.SuspectWord, result.ReasonCodes);
        Assert.True(result.Details.Scores.ContainsKey("toxicity"));
    }

    [Fact]
    public async Task Toxic_comment_is_held_and_rejected_when_a_reject_threshold_is_set()
    {
        const string body = "Shut up you brainless idiot, people like you deserve a beating.";

        var held = await PipelineHarness.RunAsync(body);
        var rejected = await PipelineHarness.RunAsync(body, new ModerationSettings { ToxicityRejectThreshold = 0.5 });

        Assert.Equal(DecisionOutcome.Held, held.Outcome);
        Assert.Contains(ReasonCodes.Toxic, held.ReasonCodes);
        Assert.Equal(DecisionOutcome.Rejected, rejected.Outcome);
    }

    [Fact]
    public async Task Spam_in_the_band_is_held_and_above_the_reject_threshold_rejected()
    {
        const string body = "Earn $300 a day from home! Click here and message me on WhatsApp now!!!";

        var held = await PipelineHarness.RunAsync(body);
        var rejected = await PipelineHarness.RunAsync(body, new ModerationSettings { SpamRejectThreshold = 0.5 });
        var bandTooNarrow = new ModerationSettings { SpamHoldThreshold = 0.6, SpamRejectThreshold = 0.4 }.Validate();

        Assert.Equal(DecisionOutcome.Held, held.Outcome);
        Assert.Contains(ReasonCodes.Spam, held.ReasonCodes);
        Assert.Equal(DecisionOutcome.Rejected, rejected.Outcome);
        Assert.Contains(ReasonCodes.Spam, rejected.ReasonCodes);
        Assert.Contains("SpamRejectThreshold must not be below SpamHoldThreshold.", bandTooNarrow);
    }

    [Fact]
    public async Task War_reporting_language_is_not_held()
    {
        var result = await PipelineHarness.RunAsync(
            "The regime's bombing killed dozens of civilians; the terrorists behind the earlier attack were never caught.");

        Assert.Equal(DecisionOutcome.Approved, result.Outcome);
    }

    [Fact]
    public async Task Spam_is_held()
    {
        var result = await PipelineHarness.RunAsync("Make $500 a day working from home! Click the link in my profile now!!!", history: new FakeHistory(Approved: 10));

        Assert.Equal(DecisionOutcome.Held, result.Outcome);
        Assert.Contains(ReasonCodes.Spam, result.ReasonCodes);
    }

    [Fact]
    public async Task Link_from_an_author_with_few_approved_comments_is_held()
    {
        const string body = "The full court ruling is at https://courts.example.org/ruling.pdf for anyone interested.";

        var newcomer = await PipelineHarness.RunAsync(body, history: new FakeHistory(Approved: 2));
        var regular = await PipelineHarness.RunAsync(body, history: new FakeHistory(Approved: 3));

        Assert.Contains(ReasonCodes.Links, newcomer.ReasonCodes);
        Assert.DoesNotContain(ReasonCodes.Links, regular.ReasonCodes);
    }

    [Fact]
    public async Task Repeat_post_is_held()
    {
        var result = await PipelineHarness.RunAsync(Clean, history: new FakeHistory(SameText: true));

        Assert.Equal([ReasonCodes.RepeatPost], result.ReasonCodes);
    }

    [Theory]
    [InlineData(5, 2, true)]
    [InlineData(5, 1, false)]
    [InlineData(4, 4, false)]
    public async Task Recent_history_holds_at_30_percent_rejected_of_at_least_5(int decided, int rejected, bool held)
    {
        var result = await PipelineHarness.RunAsync(Clean, history: new FakeHistory(Decided: decided, Rejected: rejected));

        Assert.Equal(held, result.ReasonCodes.Contains(ReasonCodes.RecentHistory));
    }

    [Fact]
    public async Task New_commenter_phase_is_off_by_default_and_holds_the_first_n_when_set()
    {
        var off = await PipelineHarness.RunAsync(Clean, history: new FakeHistory(Earlier: 0));
        var on = await PipelineHarness.RunAsync(Clean, new ModerationSettings { NewCommenterCount = 2 }, history: new FakeHistory(Earlier: 1));
        var past = await PipelineHarness.RunAsync(Clean, new ModerationSettings { NewCommenterCount = 2 }, history: new FakeHistory(Earlier: 2));

        Assert.Equal(DecisionOutcome.Approved, off.Outcome);
        Assert.Equal([ReasonCodes.NewCommenter], on.ReasonCodes);
        Assert.Equal(DecisionOutcome.Approved, past.Outcome);
    }

    [Fact]
    public async Task Site_premoderation_holds_everything_else_that_passes()
    {
        var result = await PipelineHarness.RunAsync(Clean, new ModerationSettings { PreModeration = true });

        Assert.Equal(DecisionOutcome.Held, result.Outcome);
        Assert.Equal([ReasonCodes.PreModeration], result.ReasonCodes);
    }

    [Fact]
    public async Task Article_premoderation_holds_a_clean_comment_with_its_own_code_and_other_articles_are_not_touched()
    {
        var held = await PipelineHarness.RunAsync(Clean, article: new ArticleModerationSettings { PreModeration = true });
        var both = await PipelineHarness.RunAsync(Clean, new ModerationSettings { PreModeration = true }, article: new ArticleModerationSettings { PreModeration = true });
        var other = await PipelineHarness.RunAsync(Clean, article: new ArticleModerationSettings { SlowModeSeconds = 30 });

        Assert.Equal(DecisionOutcome.Held, held.Outcome);
        Assert.Equal([ReasonCodes.ArticlePreModeration], held.ReasonCodes);
        Assert.Equal([ReasonCodes.PreModeration, ReasonCodes.ArticlePreModeration], both.ReasonCodes);
        Assert.Equal(DecisionOutcome.Approved, other.Outcome);
    }

    [Fact]
    public async Task Disabled_phases_do_not_act()
    {
        var settings = new ModerationSettings { BannedWordsEnabled = false, SuspectWordsEnabled = false, ToxicityEnabled = false, SpamEnabled = false };

        var result = await PipelineHarness.RunAsync("what a fucking joke", settings);

        Assert.Equal(DecisionOutcome.Approved, result.Outcome);
    }
}
