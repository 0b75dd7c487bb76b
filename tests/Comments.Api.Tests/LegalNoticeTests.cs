using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage.Comments;
using Comments.Storage.Legal;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>Issue 21, article 16: anyone sends a notice about a public comment, is acknowledged at once and by mail, and nothing else gets in.</summary>
[Collection(StackCollection.Name)]
public sealed class LegalNoticeTests(CommentsStack stack)
{
    internal const string Explanation = "This comment calls for violence against a named group, which section 130 of the criminal code forbids.";

    internal static async Task<Guid> SeedCommentAsync(CommentStatus status = CommentStatus.Approved, string siteId = "default", bool hidden = false, bool deleted = false)
    {
        await TestServices.EnsureMigratedAsync();
        await using var db = TestServices.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var comment = db.Comments.Add(new Comment
        {
            Id = Guid.CreateVersion7(), SiteId = siteId, ArticleId = TestData.NewArticleId(), AuthorId = TestData.NewUserId("author"), AuthorName = "Alex Author",
            Body = "They all deserve to be driven out of town, go and get them.", Status = status, CreatedAt = now, UpdatedAt = now,
            HiddenAt = hidden ? now : null, DeletedAt = deleted ? now : null,
        }).Entity;
        await db.SaveChangesAsync();
        return comment.Id;
    }

    internal static object Notice(string email, string category = "hate_speech", string? name = "Nora Notifier", bool goodFaith = true, string explanation = Explanation) =>
        new { category, explanation, name, email, goodFaith };

    internal static async Task<string> SendAsync(HttpClient client, Guid commentId, object notice)
    {
        var response = await client.PostAsJsonAsync($"/api/comments/{commentId}/notices", notice);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"notice answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json)).GetProperty("reference").GetString()!;
    }

    internal static string NewEmail() => $"notifier-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task An_anonymous_notice_about_a_published_comment_is_acknowledged_with_a_reference_at_once_and_by_mail_through_the_outbox()
    {
        // Through the real broker and worker: the comment is posted and published first.
        var author = stack.Api.CreateClientFor(TestData.NewUserId());
        var commentId = await author.PostAcceptedCommentAsync(TestData.NewArticleId(), "The mayor's budget plan leaves the schools short again.");
        await author.WaitForStatusAsync(commentId, "approved");
        var email = NewEmail();

        var response = await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{commentId}/notices", Notice(email));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        var reference = accepted.GetProperty("reference").GetString()!;
        Assert.Matches("^LN-[2-9A-Z]{5}$", reference);
        Assert.Contains(reference, accepted.GetProperty("message").GetString());
        await using var db = TestServices.CreateDbContext();
        var notice = await db.LegalNotices.SingleAsync(n => n.Reference == reference);
        Assert.Equal((commentId, "hate_speech", email, (string?)null, true), (notice.CommentId, notice.Category, notice.NotifierEmail, notice.NotifierId, notice.GoodFaith));
        Assert.Equal(TimeSpan.FromHours(24), notice.DueAt - notice.ReceivedAt);
        var mail = await db.OutgoingMail.SingleAsync(m => m.To == email);
        Assert.Equal($"We received your notice {reference}", mail.Subject);
        // Anyone can type any address: the mail carries nothing they typed, so it cannot relay their words to a stranger.
        Assert.DoesNotContain(Explanation, mail.Body);
        Assert.DoesNotContain("Nora Notifier", mail.Body);
        Assert.Contains((await db.Comments.SingleAsync(c => c.Id == commentId)).ArticleId, mail.Body);
        // Keyed with the server's secret: the plain hash of the address, which anyone can compute, is not the key.
        Assert.NotEqual($"email:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"legal-notifier:{email}")))}",
            notice.NotifierKey);
        Assert.StartsWith("email:", notice.NotifierKey);
    }

    [Fact]
    public async Task One_address_gets_at_most_the_capped_acknowledgements_a_day_whoever_names_it_and_the_notices_are_still_stored()
    {
        await using var api = new ApiFactory(new Dictionary<string, string?> { ["LegalNotices:MaxAcknowledgementsPerAddressPerDay"] = "2" });
        api.StartServer();
        var local = $"victim-{Guid.NewGuid():N}";
        // Three senders (anonymous, and two accounts), three spellings of one mailbox.
        var senders = new[] { api.CreateClient(), api.CreateClientFor(TestData.NewUserId("relay")), api.CreateClientFor(TestData.NewUserId("relay")) };
        var spellings = new[] { $"{local}@example.org", $"{local.ToUpperInvariant()}@example.org", $"{local}+again@example.org" };
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add(await SendAsync(senders[i], await SeedCommentAsync(), Notice(spellings[i])));
        }

        await using var db = TestServices.CreateDbContext();
        Assert.Equal(3, await db.LegalNotices.CountAsync(n => references.Contains(n.Reference)));
        var lower = local.ToLowerInvariant();
        Assert.Equal(2, await db.OutgoingMail.CountAsync(m => m.To.ToLower().StartsWith(lower)));
    }

    [Fact]
    public async Task Anonymous_notices_without_an_address_are_capped_per_day_by_the_clients_network()
    {
        // A fresh /64 each run, so notices of earlier runs in the last day do not count.
        var network = $"2001:db8:{Random.Shared.Next(0x10000):x}:{Random.Shared.Next(0x10000):x}";
        var settings = new Dictionary<string, string?> { ["LegalNotices:MaxPerNotifierPerDay"] = "2" };
        await using var first = new ApiFactory(settings, remoteAddress: System.Net.IPAddress.Parse($"{network}::1"));
        await using var sameNetwork = new ApiFactory(settings, remoteAddress: System.Net.IPAddress.Parse($"{network}::2"));
        var anonymous = new { category = "child_sexual_abuse", explanation = Explanation, goodFaith = true };

        var answers = new List<HttpStatusCode>();
        foreach (var api in new[] { first, first, sameNetwork })
        {
            answers.Add((await api.CreateClient().PostAsJsonAsync($"/api/comments/{await SeedCommentAsync()}/notices", anonymous)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers);
        await using var db = TestServices.CreateDbContext();
        var keys = await db.LegalNotices.Where(n => n.Category == "child_sexual_abuse" && n.NotifierKey != null && n.NotifierKey.StartsWith("client:"))
            .OrderByDescending(n => n.ReceivedAt).Select(n => n.NotifierKey!).Take(2).ToListAsync();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.DoesNotContain("2001", k));
    }

    [Fact]
    public async Task A_signed_in_notifier_sends_with_their_token_name_and_address_and_the_same_notice_twice_gives_the_same_reference_and_one_mail()
    {
        var commentId = await SeedCommentAsync();
        var userId = TestData.NewUserId("notifier");
        var reader = stack.Api.CreateClientWith(stack.Api.TokenFor(userId, "Nina Reader", extraClaims: [new System.Security.Claims.Claim("email", $"{userId}@example.org")]));

        var first = await SendAsync(reader, commentId, new { category = "defamation", explanation = Explanation, goodFaith = true });
        var second = await SendAsync(reader, commentId, new { category = "defamation", explanation = Explanation, goodFaith = true });

        Assert.Equal(first, second);
        await using var db = TestServices.CreateDbContext();
        var notice = await db.LegalNotices.SingleAsync(n => n.CommentId == commentId);
        Assert.Equal((userId, "Nina Reader", $"{userId}@example.org", $"user:{userId}"), (notice.NotifierId, notice.NotifierName, notice.NotifierEmail, notice.NotifierKey));
        Assert.Equal(1, await db.OutgoingMail.CountAsync(m => m.To == $"{userId}@example.org"));
    }

    [Fact]
    public async Task Child_sexual_abuse_material_may_be_notified_without_a_name_or_address_and_no_mail_is_written()
    {
        var commentId = await SeedCommentAsync();
        var reference = await SendAsync(stack.Api.CreateClient(), commentId, new { category = "child_sexual_abuse", explanation = Explanation, goodFaith = true });

        await using var db = TestServices.CreateDbContext();
        var notice = await db.LegalNotices.SingleAsync(n => n.Reference == reference);
        Assert.Equal(((string?)null, (string?)null, (string?)null), (notice.NotifierName, notice.NotifierEmail, notice.NotifierKey));
    }

    public static TheoryData<string, string> BadNotices() => new()
    {
        { "good faith not stated", """{"category":"hate_speech","explanation":"%E","name":"N","email":"n@example.org","goodFaith":false}""" },
        { "good faith missing", """{"category":"hate_speech","explanation":"%E","name":"N","email":"n@example.org"}""" },
        { "unknown category", """{"category":"not_a_ground","explanation":"%E","name":"N","email":"n@example.org","goodFaith":true}""" },
        { "no category", """{"explanation":"%E","name":"N","email":"n@example.org","goodFaith":true}""" },
        { "no explanation", """{"category":"hate_speech","name":"N","email":"n@example.org","goodFaith":true}""" },
        { "explanation too short", """{"category":"hate_speech","explanation":"bad","name":"N","email":"n@example.org","goodFaith":true}""" },
        { "explanation too long", """{"category":"hate_speech","explanation":"%L","name":"N","email":"n@example.org","goodFaith":true}""" },
        { "name missing for a ground that needs it", """{"category":"hate_speech","explanation":"%E","email":"n@example.org","goodFaith":true}""" },
        { "address missing for a ground that needs it", """{"category":"hate_speech","explanation":"%E","name":"N","goodFaith":true}""" },
        { "header injection in the address", """{"category":"hate_speech","explanation":"%E","name":"N","email":"n@example.org\r\nBcc: all@example.org","goodFaith":true}""" },
        { "a display name around the address", """{"category":"hate_speech","explanation":"%E","name":"N","email":"Nora <n@example.org>","goodFaith":true}""" },
        { "header injection in the name", """{"category":"hate_speech","explanation":"%E","name":"N\r\nSubject: hi","email":"n@example.org","goodFaith":true}""" },
        { "name too long", """{"category":"hate_speech","explanation":"%E","name":"%N","email":"n@example.org","goodFaith":true}""" },
        { "not JSON", """category=hate_speech""" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task A_bad_notice_gets_a_problem_that_says_why_and_stores_and_mails_nothing(string what, string body)
    {
        var commentId = await SeedCommentAsync();
        var json = body.Replace("%E", Explanation).Replace("%L", new string('x', 4_001)).Replace("%N", new string('n', 201));

        var response = await stack.Api.CreateClient().PostAsync($"/api/comments/{commentId}/notices", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.LegalNotices.AnyAsync(n => n.CommentId == commentId), what);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read()
    {
        var commentId = await SeedCommentAsync();
        var response = await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{commentId}/notices",
            new { category = "hate_speech", explanation = Explanation, name = "N", email = "n@example.org", goodFaith = true, padding = new string('x', 20_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Held_rejected_pending_hidden_deleted_and_other_sites_comments_answer_exactly_like_an_unknown_id()
    {
        var unknown = await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{Guid.NewGuid()}/notices", Notice(NewEmail()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var expected = await Shape(unknown);
        Guid[] unseen =
        [
            await SeedCommentAsync(CommentStatus.Held), await SeedCommentAsync(CommentStatus.Rejected), await SeedCommentAsync(CommentStatus.Pending),
            await SeedCommentAsync(hidden: true), await SeedCommentAsync(deleted: true), await SeedCommentAsync(siteId: "another-newsroom"),
        ];
        foreach (var id in unseen)
        {
            var response = await stack.Api.CreateClient().PostAsJsonAsync($"/api/comments/{id}/notices", Notice(NewEmail()));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(expected, await Shape(response));
        }
        await using var db = TestServices.CreateDbContext();
        Assert.False(await db.LegalNotices.AnyAsync(n => unseen.Contains(n.CommentId)));
    }

    /// <summary>Everything of an answer but the trace id.</summary>
    private static async Task<string> Shape(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length == 0 ? "" : string.Join(",", JsonDocument.Parse(body).RootElement.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
        return $"{response.Content.Headers.ContentType?.MediaType} {json}";
    }

    [Fact]
    public async Task The_categories_come_from_the_site_settings_in_the_readers_language_with_child_sexual_abuse_material_exempt()
    {
        var english = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/legal/notice-categories", TestData.Json);
        var german = await stack.Api.CreateClient().GetFromJsonAsync<JsonElement>("/api/legal/notice-categories?lang=de", TestData.Json);

        var codes = english.EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("hate_speech", codes);
        Assert.Contains("other", codes);
        Assert.True(english.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "child_sexual_abuse").GetProperty("identityOptional").GetBoolean());
        Assert.False(english.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "defamation").GetProperty("identityOptional").GetBoolean());
        Assert.Equal("Terroristische Inhalte", german.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "terrorist_content").GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_category_list_that_is_empty_or_names_a_code_twice_is_refused_and_changes_nothing()
    {
        var moderator = stack.Api.CreateClientFor(TestData.NewUserId("moderator"), "Mo", "moderator");
        var site = $"legal-{Guid.NewGuid():N}"[..30];
        var before = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings?siteId={site}", TestData.Json);
        foreach (var categories in new object[] { Array.Empty<object>(), new[] { new { code = "x", label = "X" }, new { code = "x", label = "Y" } }, new[] { new { code = "Bad Code", label = "X" } } })
        {
            var response = await moderator.PutAsJsonAsync($"/api/moderation/settings?siteId={site}", new { noticeCategories = categories });
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        }
        var after = await moderator.GetFromJsonAsync<JsonElement>($"/api/moderation/settings?siteId={site}", TestData.Json);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }
}
