using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;

namespace Comments.Api.Tests;

/// <summary>Issue 21, GDPR articles 15 and 20: GET /api/me/data and GET /api/admin/users/{userId}/data.</summary>
[Collection(StackCollection.Name)]
public sealed class DataExportTests(CommentsStack stack, SiteFixture otherSite) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_export_holds_the_readers_data_in_every_part_and_nothing_of_other_readers_or_staff()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();

        var response = await stack.Api.CreateClientFor(reader.UserId, reader.Name).GetAsync("/api/me/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement;
        Assert.Equal("comments-data-export/1", data.GetProperty("format").GetString());
        Assert.Equal(reader.UserId, data.GetProperty("userId").GetString());
        var comments = data.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(3, comments.Count);
        var lonely = comments.Single(c => c.GetProperty("id").GetGuid() == reader.Lonely);
        Assert.Equal(2, lonely.GetProperty("revisions").GetArrayLength());
        Assert.Equal($"{reader.Marker} lonely words", lonely.GetProperty("revisions")[0].GetProperty("body").GetString());
        Assert.Equal("held", lonely.GetProperty("decisions")[0].GetProperty("outcome").GetString());
        Assert.Equal("SUSPECT_WORD", lonely.GetProperty("decisions")[0].GetProperty("reasonCodes")[0].GetString());
        Assert.Equal($"{reader.Marker} report details", data.GetProperty("reports")[0].GetProperty("details").GetString());
        Assert.Equal(1, data.GetProperty("reactions").GetArrayLength());
        var help = data.GetProperty("helpRequests").EnumerateArray().Single();
        Assert.Equal($"{reader.Marker} help message", help.GetProperty("message").GetString());
        Assert.Equal(1, help.GetProperty("thread").GetArrayLength());
        Assert.Equal(1, data.GetProperty("notifications").GetArrayLength());
        Assert.Equal(reader.Email, data.GetProperty("preferences").GetProperty("email").GetString());
        Assert.Equal(reader.OtherUserId, data.GetProperty("ignoredReaders")[0].GetProperty("ignoredId").GetString());
        Assert.Equal("premoderated", data.GetProperty("standing").GetProperty("status").GetString());
        Assert.Equal(1, data.GetProperty("postRefusals").GetArrayLength());
        Assert.Equal("comment_held", data.GetProperty("statementsOfReasons")[0].GetProperty("restriction").GetString());
        Assert.Equal("upheld", data.GetProperty("complaints")[0].GetProperty("outcome").GetString());
        Assert.Equal(reader.Email, data.GetProperty("legalNotices")[0].GetProperty("notifierEmail").GetString());
        // Not the reader's: the other reader's comments, a support note, the moderators' notes and ids.
        Assert.DoesNotContain("Someone else's comment", text);
        Assert.DoesNotContain("internal note", text);
        Assert.DoesNotContain($"{reader.Marker} note", text);
        Assert.DoesNotContain("moderator-1", text);
    }

    [Fact]
    public async Task No_caller_exports_another_readers_data_by_their_id_or_the_same_id_on_another_site()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();

        var sameIdElsewhere = await otherSite.Api.CreateClientFor(reader.UserId).GetFromJsonAsync<JsonElement>("/api/me/data");
        Assert.Equal(0, sameIdElsewhere.GetProperty("comments").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, sameIdElsewhere.GetProperty("preferences").ValueKind);
        var adminElsewhere = await stack.Api.CreateClientFor(TestData.NewUserId("admin"), "A", "admin")
            .GetFromJsonAsync<JsonElement>($"/api/admin/users/{reader.UserId}/data?siteId={otherSite.SiteId}");
        Assert.Equal(0, adminElsewhere.GetProperty("comments").GetArrayLength());
        foreach (var role in new[] { "reader", "moderator", "support" })
        {
            var caller = stack.Api.CreateClientFor(TestData.NewUserId(role), role, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.GetAsync($"/api/admin/users/{reader.UserId}/data")).StatusCode);
        }
        var admin = stack.Api.CreateClientFor(TestData.NewUserId("admin"), "A", "admin");
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/admin/users/{reader.UserId}/data?siteId=NOT%20A%20SITE"), HttpStatusCode.BadRequest);
        var full = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{reader.UserId}/data");
        Assert.Equal(3, full.GetProperty("comments").GetArrayLength());
    }

    /// <summary>
    /// Memory stays flat because nothing is buffered: with 10,000 comments of 3,000 characters (about 60 MB of JSON, more
    /// than every socket buffer between PostgreSQL and this test can hold) and this test reading only the first 64 KB,
    /// PostgreSQL is seen blocked sending the comments' rows (wait event ClientWrite). A server that read the whole
    /// history before writing would have finished the query before the first byte arrived.
    /// </summary>
    [Fact]
    public async Task Ten_thousand_comments_stream_out_complete_while_the_database_is_still_sending_them()
    {
        const int Count = 10_000;
        var site = $"bulk-{Guid.NewGuid():N}"[..20];
        var userId = TestData.NewUserId("bulk");
        await using (var db = TestServices.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                insert into comments (id, site_id, article_id, author_id, author_name, body, status, revision, depth, reply_count, respect_count, best_score,
                    open_report_count, report_weight, created_at, updated_at)
                select gen_random_uuid(), {site}, 'bulk-article', {userId}, 'Bulk Reader', 'comment ' || lpad(i::text, 5, '0') || ' ' || repeat('x', 3000), 'rejected', 1, 0, 0, 0, 0,
                    0, 0, now() - interval '1 day' + i * interval '1 millisecond', now()
                from generate_series(1, {Count}) as i;
                insert into comment_revisions (comment_id, revision, body, created_at)
                select id, 1, body, created_at from comments where site_id = {site};
                """);
        }
        var admin = stack.Api.CreateClientFor(TestData.NewUserId("admin"), "A", "admin");
        using var response = await admin.GetAsync($"/api/admin/users/{userId}/data?siteId={site}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[64 * 1024];
        await body.ReadExactlyAsync(first);

        await Eventually.Until(async () =>
        {
            await using var db = TestServices.CreateDbContext();
            return await db.Database.SqlQuery<int>($"""
                select count(*)::int as "Value" from pg_stat_activity
                where wait_event = 'ClientWrite' and query ilike '%comment_revisions%' and query ilike '%from comments%'
                """).SingleAsync();
        }, blocked => blocked > 0, "PostgreSQL blocked sending the export's comments while the test has read only the first 64 KB");

        var whole = new MemoryStream();
        whole.Write(first);
        await body.CopyToAsync(whole);
        whole.Position = 0;
        using var document = await JsonDocument.ParseAsync(whole);
        var comments = document.RootElement.GetProperty("comments");
        Assert.Equal(Count, comments.GetArrayLength());
        Assert.All(comments.EnumerateArray(), c => Assert.Equal(1, c.GetProperty("revisions").GetArrayLength()));
        Assert.StartsWith("comment 10000 ", comments[Count - 1].GetProperty("body").GetString());
        Assert.True(whole.Length > 60_000_000, $"the document is {whole.Length} bytes");
    }

    [Fact]
    public async Task A_reader_exports_a_few_times_per_window_and_then_is_told_when_to_come_back_while_others_are_not()
    {
        await using var narrow = new ApiFactory(new Dictionary<string, string?> { ["RateLimits:DataExportsPerWindow"] = "2", ["RateLimits:DataExportsWindowSeconds"] = "3600" });
        narrow.StartServer();
        var reader = narrow.CreateClientFor(TestData.NewUserId("exporter"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await reader.GetAsync("/api/me/data");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
            }
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var other = await narrow.CreateClientFor(TestData.NewUserId("exporter")).GetAsync("/api/me/data");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
