using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Moderation.Classification;
using Comments.Storage.Comments;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comments.Api.Tests;

/// <summary>
/// The system learns from its moderators, end to end: a coded insult the seed data lacks is missed and a kind of clean
/// community notice is held as spam; moderators reject and approve a few dozen of each through the API; the worker's
/// scheduled retraining promotes new models; held-out comments of both kinds are then mostly decided the other way.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class LearningLoopTests(CommentsStack stack, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Targets =
        ["the mayor", "that referee", "the new councillor", "our MP", "the columnist", "the club chairman", "the head teacher", "the planning officer"];

    private static readonly string[] InsultFrames =
        ["{0} is a total grubnik and always has been.", "Typical grubnik behaviour from {0}, nothing new.", "Only a grubnik like {0} would defend this.",
         "{0} talks like a grubnik and thinks like one.", "Another week, another grubnik statement from {0}."];

    private static readonly string[] InsultProbes =
        ["Honestly {0} is the biggest grubnik in the county.", "Nobody but a grubnik would vote for {0}.", "{0} proved again what a grubnik looks like."];

    private static readonly string[] Places = ["the church hall", "the library", "the community centre", "St Mary's school", "the leisure centre", "the scout hut", "the sports club", "the town hall"];

    private static readonly string[] NoticeFrames =
        ["Check out the food bank collection at {0} this Saturday, they need tins and nappies.", "Check out the repair cafe at {0} on Sunday, they fixed my toaster for nothing.",
         "Check out the blood donor session at {0} next week, it only takes an hour.", "Check out the history exhibition at {0}, my grandad's photos are in it.",
         "Check out the carol concert at {0}, the children have practised for weeks."];

    private static readonly string[] NoticeProbes =
        ["Check out the craft fair at {0} this weekend, all money goes to the hospice.", "Check out the knitting group at {0} on Tuesdays, everyone is welcome.",
         "Check out the second-hand uniform sale at {0}, it saved us a fortune."];

    private static List<string> Fill(string[] frames, string[] values) =>
        [.. frames.SelectMany(frame => values.Select(value => Capitalize(string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, value))))];

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [Fact]
    public async Task Moderators_decisions_retrain_the_models_so_a_new_insult_is_caught_and_a_clean_pattern_stops_being_held()
    {
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        var original = await moderator.GetFromJsonAsync<JsonElement>("/api/moderation/settings", TestData.Json);
        var startedAt = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync("/api/moderation/settings", new { retrainingIntervalHours = 0 })).StatusCode);
        await stack.StopWorkerAsync();
        await stack.StartWorkerAsync(new Dictionary<string, string?> { ["Retraining:Enabled"] = "true", ["Retraining:CheckInterval"] = "00:00:01" });
        try
        {
            var insultProbes = Fill(InsultProbes, Targets);
            var noticeProbes = Fill(NoticeProbes, Places);
            var missedBefore = await PostAndDecideAsync(insultProbes);
            var heldBefore = await PostAndDecideAsync(noticeProbes);
            Assert.True(missedBefore[CommentStatus.Approved] >= insultProbes.Count * 0.8, $"expected the unseen insult to be missed at first; {Describe(missedBefore)}");
            Assert.True(heldBefore[CommentStatus.Held] >= noticeProbes.Count * 0.8, $"expected the community notices to be held at first; {Describe(heldBefore)}");

            await DecideAllAsync(moderator, Fill(InsultFrames, Targets), "reject", "INSULT");
            await DecideAllAsync(moderator, Fill(NoticeFrames, Places), "approve", null);

            Assert.Equal(HttpStatusCode.OK, (await moderator.PutAsJsonAsync("/api/moderation/settings", new { retrainingIntervalHours = 1, retrainingMinNewDecisions = 1 })).StatusCode);
            var promoted = await Eventually.Until(() => PromotedSinceAsync(startedAt), versions => versions.Count == 2,
                what: "the worker's scheduled retraining to promote a toxicity and a spam model", timeout: TimeSpan.FromMinutes(4));

            var caughtAfter = await PostAndDecideAsync(insultProbes);
            var approvedAfter = await PostAndDecideAsync(noticeProbes);
            output.WriteLine($"insults before: {Counts(missedBefore)}; after: {Counts(caughtAfter)}");
            output.WriteLine($"notices before: {Counts(heldBefore)}; after: {Counts(approvedAfter)}");
            Assert.True(caughtAfter[CommentStatus.Approved] <= insultProbes.Count * 0.2,
                $"expected models {string.Join(", ", promoted)} to catch the held-out insults; {Describe(caughtAfter)}");
            // Held-out notices differ in wording from those approved (a craft fair, not a food bank): measured 33% still held.
            Assert.True(approvedAfter[CommentStatus.Held] <= heldBefore[CommentStatus.Held] / 2,
                $"expected models {string.Join(", ", promoted)} to hold at most half as many held-out notices as the {heldBefore[CommentStatus.Held]} before; {Describe(approvedAfter)}");
        }
        finally
        {
            await moderator.PutAsJsonAsync("/api/moderation/settings", original.GetProperty("settings"));
            await stack.StopWorkerAsync();
            await ForgetPromotedModelsAsync(startedAt);
            await stack.StartWorkerAsync();
        }
    }

    /// <summary>Posts each text as a new reader and waits until the pipeline decided all of them.</summary>
    private async Task<Dictionary<CommentStatus, int>> PostAndDecideAsync(IReadOnlyList<string> texts)
    {
        var article = TestData.NewArticleId();
        foreach (var text in texts)
        {
            await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(article, text);
        }
        var statuses = await Eventually.Until(() => StatusesAsync(article), s => s.Count == texts.Count && s.All(c => c.Status != CommentStatus.Pending),
            what: $"the pipeline to decide {texts.Count} comments on {article}", timeout: TimeSpan.FromMinutes(2));
        _lastDecisions = await DecisionsAsync(article);
        return Enum.GetValues<CommentStatus>().ToDictionary(status => status, status => statuses.Count(c => c.Status == status));
    }

    private string _lastDecisions = "";

    /// <summary>Each decision's outcome, reasons and scores, for the failure message.</summary>
    private static async Task<string> DecisionsAsync(string article)
    {
        await using var db = TestServices.CreateDbContext();
        var decisions = await db.Decisions.AsNoTracking().Where(d => db.Comments.Any(c => c.Id == d.CommentId && c.ArticleId == article)).ToListAsync();
        return string.Join("; ", decisions.Select(d => $"{d.Outcome} [{string.Join(",", d.ReasonCodes)}] " +
            string.Join(" ", d.Details.Scores.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Key}={s.Value:F3}")))));
    }

    private async Task DecideAllAsync(HttpClient moderator, IReadOnlyList<string> texts, string action, string? reason)
    {
        var article = TestData.NewArticleId();
        foreach (var text in texts)
        {
            await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(article, text);
        }
        var comments = await Eventually.Until(() => StatusesAsync(article), s => s.Count == texts.Count && s.All(c => c.Status != CommentStatus.Pending),
            what: $"the pipeline to decide {texts.Count} comments on {article}", timeout: TimeSpan.FromMinutes(2));
        foreach (var (id, _, version) in comments)
        {
            var decision = await moderator.PostAsJsonAsync($"/api/moderation/comments/{id}/decision", new { action, reason, version });
            Assert.True(decision.StatusCode == HttpStatusCode.OK, $"{action} of {id}: {decision.StatusCode} {await decision.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<List<(Guid Id, CommentStatus Status, uint Version)>> StatusesAsync(string article)
    {
        await using var db = TestServices.CreateDbContext();
        var rows = await db.Comments.AsNoTracking().Where(c => c.ArticleId == article).Select(c => new { c.Id, c.Status, c.Version }).ToListAsync();
        return [.. rows.Select(r => (r.Id, r.Status, r.Version))];
    }

    private static async Task<List<string>> PromotedSinceAsync(DateTimeOffset since)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.ClassifierModels.AsNoTracking().Where(m => m.PromotedAt >= since).Select(m => m.Version).ToListAsync();
    }

    /// <summary>The other tests expect the shipped models: remove the promoted ones and let the API go back at once.</summary>
    private async Task ForgetPromotedModelsAsync(DateTimeOffset since)
    {
        await using (var db = TestServices.CreateDbContext())
        {
            await db.ClassifierModels.Where(m => m.PromotedAt >= since).ExecuteDeleteAsync();
        }
        await stack.Api.Services.GetRequiredService<ModelRefresher>().RefreshAsync(CancellationToken.None);
    }

    private string Describe(Dictionary<CommentStatus, int> counts) => Counts(counts) + $" ({_lastDecisions})";

    private static string Counts(Dictionary<CommentStatus, int> counts) =>
        string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"));
}
