using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Comments;
using Comments.Testing;

namespace Comments.Api.Tests;

/// <summary>Issue 19, moderator search: GET /api/moderation/search on a site of its own, against the real database.</summary>
[Collection(StackCollection.Name)]
public sealed class ModeratorSearchTests(CommentsStack stack, SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A word no other comment holds, so that each test sees only its own comments.</summary>
    private static string NewWord() => $"zq{Guid.NewGuid():N}"[..14];

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/moderation/search?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search {query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("comment").GetProperty("id").GetGuid())];

    private static Comment Row(string siteId, string body, string authorId = "search-author", string authorName = "Search Author",
        CommentStatus status = CommentStatus.Approved, DateTimeOffset? at = null, string articleId = "search-article") => new()
    {
        Id = Guid.NewGuid(), SiteId = siteId, ArticleId = articleId, AuthorId = authorId, AuthorName = authorName, Body = body,
        Status = status, CreatedAt = at ?? Monday, UpdatedAt = at ?? Monday,
    };

    private static async Task SeedAsync(params Comment[] comments)
    {
        await using var db = TestServices.CreateDbContext();
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_word_of_a_posted_comment_finds_it_in_the_queue_item_shape()
    {
        var word = NewWord();
        var reader = site.Api.CreateClientFor(TestData.NewUserId(), "Ada Reader");
        var id = await reader.PostAcceptedCommentAsync(TestData.NewArticleId(), $"The council minutes mention {word} twice, and nobody explained it.");
        await reader.WaitForStatusAsync(id, "approved");

        var items = await SearchAsync(site.Moderator, $"q={word.ToUpperInvariant()[2..]}");

        var item = Assert.Single(items);
        Assert.Equal(id, item.GetProperty("comment").GetProperty("id").GetGuid());
        Assert.Contains(word, item.GetProperty("body").GetString());
        Assert.Equal("approved", item.GetProperty("comment").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, item.GetProperty("version").ValueKind);
        Assert.Equal("active", item.GetProperty("author").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, item.GetProperty("reasonCodes").ValueKind);
    }

    [Fact]
    public async Task An_author_id_a_display_name_and_a_comment_id_each_find_their_comments()
    {
        var word = NewWord();
        var author = TestData.NewUserId();
        var name = $"Margit {word}";
        var first = Row(site.SiteId, $"First {word} comment.", author, name, at: Monday);
        var second = Row(site.SiteId, $"Second {word} comment.", author, name, CommentStatus.Held, Monday.AddMinutes(1));
        var otherAuthor = Row(site.SiteId, $"Someone else on {word}.", TestData.NewUserId(), "Someone Else", at: Monday.AddMinutes(2));
        await SeedAsync(first, second, otherAuthor);

        Assert.Equal([second.Id, first.Id], Ids(await SearchAsync(site.Moderator, $"author={author}")));
        Assert.Equal([second.Id, first.Id], Ids(await SearchAsync(site.Moderator, $"author={Uri.EscapeDataString(name.ToUpperInvariant())}")));
        Assert.Equal([otherAuthor.Id], Ids(await SearchAsync(site.Moderator, $"q={otherAuthor.Id}")));
        Assert.Equal([first.Id], Ids(await SearchAsync(site.Moderator, $"q={word}&author={author}&status=approved")));
        Assert.Empty(await SearchAsync(site.Moderator, $"author={Uri.EscapeDataString(name[..^2])}")); // a name is matched whole
    }

    [Fact]
    public async Task Status_and_a_date_range_narrow_the_results()
    {
        var word = NewWord();
        var held = Enumerable.Range(0, 4).Select(day => Row(site.SiteId, $"Held {word} on day {day}.", status: CommentStatus.Held, at: Monday.AddDays(day))).ToArray();
        var approved = Row(site.SiteId, $"Approved {word} on day 1.", at: Monday.AddDays(1).AddHours(1));
        await SeedAsync([.. held, approved]);

        var items = await SearchAsync(site.Moderator, $"q={word}&status=held&from=2026-11-03&to=2026-11-05T09:00:00Z");

        Assert.Equal([held[2].Id, held[1].Id], Ids(items)); // from is inclusive, to exclusive; newest first
        Assert.All(items, i => Assert.Equal("held", i.GetProperty("comment").GetProperty("status").GetString()));
        Assert.Equal([approved.Id, held[1].Id], Ids(await SearchAsync(site.Moderator, $"q={word}&from=2026-11-03T00:00:00%2B00:00&to=2026-11-04")));
    }

    [Fact]
    public async Task Keyset_pages_return_every_match_exactly_once_newest_first()
    {
        var word = NewWord();
        // Groups of three at the same instant: the id breaks the tie, across page boundaries too.
        var seeded = Enumerable.Range(0, 23).Select(n => Row(site.SiteId, $"Page test {word} number {n}.", at: Monday.AddSeconds(n / 3))).ToArray();
        await SeedAsync(seeded);
        var expected = seeded.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id).ToList();

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await site.Moderator.GetFromJsonAsync<JsonElement>(
                $"/api/moderation/search?q={word}&limit=5{(cursor is null ? "" : $"&cursor={cursor}")}", TestData.Json);
            seen.AddRange(Ids(response.GetProperty("items").EnumerateArray()));
            cursor = response.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(expected, seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task Readers_support_staff_and_anonymous_callers_are_refused()
    {
        var word = NewWord();
        await SeedAsync(Row(site.SiteId, $"Private {word} text."));

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Api.CreateClient().GetAsync($"/api/moderation/search?q={word}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Api.CreateClientFor(TestData.NewUserId()).GetAsync($"/api/moderation/search?q={word}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Api.CreateClientFor(TestData.NewUserId("support"), "S", "support").GetAsync($"/api/moderation/search?q={word}")).StatusCode);
        Assert.Single(await SearchAsync(site.Api.CreateClientFor(TestData.NewUserId("admin"), "A", "admin"), $"q={word}"));
    }

    [Theory]
    [InlineData("q=ab")]
    [InlineData("q=%20%20x%20%20")]
    [InlineData("q=a%00bcd")]
    [InlineData("author=a%01b")]
    [InlineData("status=deleted")]
    [InlineData("status=Approved")]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-13-01")]
    [InlineData("from=2026-11-05&to=2026-11-04")]
    [InlineData("from=0001-01-01")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=cXVldWUtb2xkZXN0OjA6MTc2NDU0NzIwMDAwMDAwMDpiNWM2ZDdlOGY5MDAxMTIyMzM0NDU1NjY3Nzg4OTlhYQ")] // a queue's cursor
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=many")]
    [InlineData("articleId=no%2Fslashes")]
    public async Task Bad_parameters_are_a_400_problem(string query)
    {
        var response = await site.Moderator.GetAsync($"/api/moderation/search?{query}");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Too_long_text_and_author_are_a_400_problem_and_like_wildcards_are_plain_characters()
    {
        await ProblemAssert.IsProblemAsync(await site.Moderator.GetAsync($"/api/moderation/search?q={new string('x', 201)}"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await site.Moderator.GetAsync($"/api/moderation/search?author={new string('x', 201)}"), HttpStatusCode.BadRequest);
        var article = TestData.NewArticleId();
        var percent = Row(site.SiteId, "Prices rose 50% in a year.", articleId: article);
        await SeedAsync(percent, Row(site.SiteId, "Prices rose 500 euros in a year.", articleId: article, authorName: "Percy_Reader"));

        Assert.Equal([percent.Id], Ids(await SearchAsync(site.Moderator, $"articleId={article}&q=50%25 in")));
        Assert.Empty(await SearchAsync(site.Moderator, $"articleId={article}&q=%25%25%25"));
        Assert.Empty(await SearchAsync(site.Moderator, $"articleId={article}&author=Percy%25"));
        Assert.Equal(2, (await SearchAsync(site.Moderator, $"articleId={article}&q=&author=&status=")).Count); // empty fields are not asked
    }

    [Fact]
    public async Task Another_sites_comments_are_not_found_by_text_author_or_id()
    {
        var word = NewWord();
        var author = TestData.NewUserId();
        var elsewhere = Row("default", $"Default site {word} comment.", author, $"Name {word}");
        var thirdSite = Row($"other-{word}", $"Third site {word} comment.", author, $"Name {word}");
        var ours = Row(site.SiteId, $"Our own {word} comment.", author, $"Name {word}");
        await SeedAsync(elsewhere, thirdSite, ours);

        Assert.Equal([ours.Id], Ids(await SearchAsync(site.Moderator, $"q={word}")));
        Assert.Equal([ours.Id], Ids(await SearchAsync(site.Moderator, $"author={author}")));
        Assert.Equal([ours.Id], Ids(await SearchAsync(site.Moderator, $"author=Name {word}&siteId=default")));
        Assert.Empty(await SearchAsync(site.Moderator, $"q={elsewhere.Id}"));
        Assert.Empty(await SearchAsync(site.Moderator, $"q={thirdSite.Id}&siteId={thirdSite.SiteId}"));
        var defaultModerator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "M", "moderator");
        Assert.Equal([elsewhere.Id], Ids(await SearchAsync(defaultModerator, $"q={word}")));
        Assert.Empty(await SearchAsync(defaultModerator, $"q={ours.Id}"));
    }
}
