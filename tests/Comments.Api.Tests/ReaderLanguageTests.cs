using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Users;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 20, "In the reader's language": the API answers reasons and refusals in the reader's language
/// (<c>Accept-Language</c>), and gives the embed its sentences from a cacheable endpoint. Unknown languages get English.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class ReaderLanguageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static HttpClient In(HttpClient client, string language)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        await ProblemAssert.IsProblemAsync(response, status);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
    }

    [Fact]
    public async Task The_embeds_sentences_come_in_the_asked_language_with_an_etag_and_unknown_languages_get_english()
    {
        var anonymous = site.Api.CreateClient();

        var german = await anonymous.GetAsync("/api/texts?lang=de");
        Assert.Equal(HttpStatusCode.OK, german.StatusCode);
        var body = await german.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.Equal("de", body.GetProperty("lang").GetString());
        Assert.Equal("Senden", body.GetProperty("texts").GetProperty("embed.post.button").GetString());
        Assert.False(body.GetProperty("texts").TryGetProperty("refusal.banned.title", out _), "only the embed's sentences are sent");
        Assert.True(german.Headers.CacheControl!.Public);
        var etag = german.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/texts?lang=de");
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        var byHeader = await In(site.Api.CreateClient(), "de-AT, en;q=0.5").GetFromJsonAsync<JsonElement>("/api/texts", TestData.Json);
        Assert.Equal("de", byHeader.GetProperty("lang").GetString());

        var english = await anonymous.GetAsync("/api/texts?lang=fr");
        var fallback = await english.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.Equal("en", fallback.GetProperty("lang").GetString());
        Assert.Equal("Post", fallback.GetProperty("texts").GetProperty("embed.post.button").GetString());
        Assert.NotEqual(etag, english.Headers.ETag);
        Assert.Equal("en", (await anonymous.GetFromJsonAsync<JsonElement>("/api/texts?lang=<script>", TestData.Json)).GetProperty("lang").GetString());
    }

    [Fact]
    public async Task Refusals_for_a_suspended_or_banned_reader_and_a_closed_article_come_in_german()
    {
        var suspended = TestData.NewUserId();
        var banned = TestData.NewUserId();
        var until = new DateTimeOffset(2099, 12, 24, 18, 0, 0, TimeSpan.Zero);
        await using (var db = TestServices.CreateDbContext())
        {
            db.UserStandings.Add(new UserStanding { UserId = suspended, Status = UserStatus.Suspended, SuspendedUntil = until, UpdatedAt = DateTimeOffset.UtcNow });
            db.UserStandings.Add(new UserStanding { UserId = banned, Status = UserStatus.Banned, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await site.Api.RefreshStandingsAsync();

        var suspension = await ProblemAsync(await In(site.Api.CreateClientFor(suspended), "de").PostCommentAsync(TestData.NewArticleId(), "Noch da."), HttpStatusCode.Forbidden);
        Assert.Equal("Konto vorübergehend gesperrt", suspension.GetProperty("title").GetString());
        Assert.Equal("Ihr Konto ist bis 2099-12-24 18:00 UTC gesperrt.", suspension.GetProperty("detail").GetString());
        var ban = await ProblemAsync(await In(site.Api.CreateClientFor(banned), "de-DE").PostCommentAsync(TestData.NewArticleId(), "Lasst mich rein."), HttpStatusCode.Forbidden);
        Assert.Equal("Ihr Konto kann auf dieser Seite keine Kommentare mehr schreiben.", ban.GetProperty("detail").GetString());
        var unchanged = await ProblemAsync(await In(site.Api.CreateClientFor(banned), "fr").PostCommentAsync(TestData.NewArticleId(), "Laissez-moi entrer."), HttpStatusCode.Forbidden);
        Assert.Equal("Your account can no longer post comments on this site.", unchanged.GetProperty("detail").GetString());

        var articleId = TestData.NewArticleId();
        var settings = await site.Moderator.PutAsJsonAsync($"/api/moderation/articles/{articleId}/settings?siteId={site.SiteId}", new { closed = true });
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var closed = await ProblemAsync(await In(site.Api.CreateClientFor(TestData.NewUserId()), "de").PostCommentAsync(articleId, "Zu spät?"), HttpStatusCode.Forbidden);
        Assert.Equal("Die Kommentare zu diesem Artikel sind geschlossen", closed.GetProperty("title").GetString());
        Assert.Equal("Die Moderation hat die Kommentare zu diesem Artikel geschlossen.", closed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task What_a_reader_got_wrong_is_said_in_german_and_the_field_names_stay()
    {
        var help = await ProblemAsync(await In(site.Api.CreateClient(), "de").PostAsJsonAsync("/api/help-requests",
            new { message = "Mein Kommentar ist verschwunden." }), HttpStatusCode.BadRequest);
        Assert.Equal(["Bitte geben Sie Ihre E-Mail-Adresse an, wenn Sie nicht angemeldet sind, damit wir antworten können."],
            help.GetProperty("errors").GetProperty("email").EnumerateArray().Select(e => e.GetString()));

        var blank = await ProblemAsync(await In(site.Api.CreateClientFor(TestData.NewUserId()), "de").PostCommentAsync(TestData.NewArticleId(), "   "),
            HttpStatusCode.BadRequest);
        Assert.Equal(["Der Kommentar darf nicht leer sein."], blank.GetProperty("errors").GetProperty("body").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_held_comments_reason_is_given_in_the_language_of_each_request()
    {
        var authorId = TestData.NewUserId();
        var author = site.Api.CreateClientFor(authorId);
        var id = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "Das Urteil steht hier: https://courts.example.org/urteil.pdf");
        await author.WaitForStatusAsync(id, "held");

        var german = (await In(author, "de").GetCommentAsync(id))!.Value;
        var reason = Assert.Single(german.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "LINKS");
        Assert.Equal("zur Prüfung zurückgehalten: Links von neuen Kommentierenden prüft die Moderation", reason.GetProperty("message").GetString());

        var english = (await site.Api.CreateClientFor(authorId).GetCommentAsync(id))!.Value;
        Assert.Contains(english.GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("message").GetString() == "held for review: links from new commenters are checked by a moderator");
    }
}
