using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comments.Api.Tests;

/// <summary>A site teaches the pipeline a new pattern through its example bank, without retraining.</summary>
[Collection(StackCollection.Name)]
public sealed class ExampleBankTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private string ExamplesUrl => $"/api/moderation/examples?siteId={site.SiteId}";

    private const string NewInsult = "Every blorvath on this council should be ashamed of themselves.";

    private async Task<JsonElement> BankAsync() => await site.Moderator.GetFromJsonAsync<JsonElement>(ExamplesUrl, TestData.Json);

    private static JsonElement Harm(JsonElement bank, string code) =>
        bank.GetProperty("harms").EnumerateArray().Single(h => h.GetProperty("harm").GetString() == code);

    [Fact]
    public async Task A_new_site_starts_with_the_starter_bank_for_every_harm()
    {
        var bank = await BankAsync();
        var harms = bank.GetProperty("harms").EnumerateArray().Select(h => h.GetProperty("harm").GetString()).ToList();
        Assert.Equal(["INSULT", "THREAT", "HARASSMENT", "PERSONAL_INFO", "DEHUMANIZING", "INCITEMENT", "WISHING_HARM", "SEXUAL"], harms);
        Assert.All(bank.GetProperty("harms").EnumerateArray(), h => Assert.NotEqual(0, h.GetProperty("examples").GetArrayLength()));
    }

    [Fact]
    public async Task A_comment_like_a_new_example_is_held_for_that_harm_and_the_draft_check_warns()
    {
        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        var comment = "The blorvaths on this council should be ashamed of themselves.";
        var before = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), comment);
        await reader.WaitForStatusAsync(before, "approved");

        var put = await site.Moderator.PutAsJsonAsync(ExamplesUrl, new { examples = new Dictionary<string, string[]> { ["INSULT"] = [NewInsult] } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var insult = Harm(await put.Content.ReadFromJsonAsync<JsonElement>(TestData.Json), "INSULT");
        Assert.False(insult.GetProperty("starter").GetBoolean());
        Assert.Equal([NewInsult], insult.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        Assert.True(Harm(await BankAsync(), "THREAT").GetProperty("starter").GetBoolean());

        var author = site.Api.CreateClientFor(TestData.NewUserId());
        var after = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), comment);
        var held = (await author.WaitForStatusAsync(after, "held"))!.Value;
        Assert.Contains(held.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "INSULT");
        var history = await site.Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/comments/{after}/history", TestData.Json);
        Assert.Contains("like the example", history.GetRawText());

        var check = await reader.PostAsJsonAsync("/api/comments/check", new { body = comment });
        var warnings = (await check.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("warnings");
        Assert.Contains(warnings.EnumerateArray(), w => w.GetProperty("code").GetString() == "INSULT");
        var changes = await site.Moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings/changes?siteId={site.SiteId}", TestData.Json);
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("subject").GetString() == "examples:Insult");
    }

    [Fact]
    public async Task Bad_banks_are_refused_and_change_nothing()
    {
        var before = (await BankAsync()).GetRawText();
        var unknown = await site.Moderator.PutAsJsonAsync(ExamplesUrl, new { examples = new Dictionary<string, string[]> { ["SARCASM"] = ["a perfectly fine example"], ["THREAT"] = ["I will find you"] } });
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await site.Moderator.PutAsJsonAsync(ExamplesUrl, new { examples = new Dictionary<string, string[]>() }), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await site.Moderator.PutAsJsonAsync(ExamplesUrl, new { examples = new Dictionary<string, string[]> { ["THREAT"] = ["ok"] } }), HttpStatusCode.BadRequest);
        var tooMany = Enumerable.Range(0, 201).Select(i => $"example number {i}").ToArray();
        await ProblemAssert.IsProblemAsync(await site.Moderator.PutAsJsonAsync(ExamplesUrl, new { examples = new Dictionary<string, string[]> { ["THREAT"] = tooMany } }), HttpStatusCode.BadRequest);
        Assert.Equal(before, (await BankAsync()).GetRawText());

        var reader = site.Api.CreateClientFor(TestData.NewUserId());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(ExamplesUrl, new { examples = new Dictionary<string, string[]> { ["THREAT"] = ["I will find you"] } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(ExamplesUrl)).StatusCode);
    }
}
