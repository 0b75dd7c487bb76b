using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Storage;
using Comments.Storage.Legal;
using Comments.Storage.Notifications;
using Comments.Storage.Privacy;
using Comments.Storage.Sites;
using Comments.Storage.Support;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Worker.Retention;

namespace Comments.Api.Tests;

/// <summary>Issue 21, GDPR article 17: POST /api/me/erase and POST /api/admin/users/{userId}/erase, confirmed, then carried out by the worker.</summary>
[Collection(StackCollection.Name)]
public sealed class ErasureTests(CommentsStack stack, SiteFixture otherSite) : IClassFixture<SiteFixture>
{
    private HttpClient Admin => stack.Api.CreateClientFor(TestData.NewUserId("admin"), "A", "admin");

    [Fact]
    public async Task Only_the_code_given_to_the_same_caller_for_the_same_reader_and_site_confirms_once_before_it_expires()
    {
        var victimId = TestData.NewUserId("victim");
        var victim = stack.Api.CreateClientFor(victimId);
        var attacker = stack.Api.CreateClientFor(TestData.NewUserId("attacker"));
        var code = await StartAsync(victim, "/api/me/erase");

        await AssertRefusedAsync(await attacker.PostAsJsonAsync("/api/me/erase", new { confirmation = code }));
        await AssertRefusedAsync(await Admin.PostAsJsonAsync($"/api/admin/users/{victimId}/erase", new { confirmation = code }));
        await AssertRefusedAsync(await otherSite.Api.CreateClientFor(victimId).PostAsJsonAsync("/api/me/erase", new { confirmation = code }));
        await AssertRefusedAsync(await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = code + "x" }));
        await AssertRefusedAsync(await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = "forged-code" }));
        await AssertRefusedAsync(await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = new string('a', 5000) }));
        Assert.False(await AnyConfirmedAsync(victimId), "no refused confirmation schedules an erasure");

        var expired = await StartAsync(victim, "/api/me/erase");
        await using (var db = TestServices.CreateDbContext())
        {
            await db.ErasureRequests.Where(r => r.UserId == victimId).ExecuteUpdateAsync(r => r.SetProperty(x => x.ConfirmBy, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        await AssertRefusedAsync(await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = expired }));
        Assert.False(await AnyConfirmedAsync(victimId), "an expired code schedules nothing");

        var replaced = await StartAsync(victim, "/api/me/erase");
        var fresh = await StartAsync(victim, "/api/me/erase");
        await AssertRefusedAsync(await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = replaced }));
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.Equal(1, await db.ErasureRequests.CountAsync(r => r.UserId == victimId));
        }
        var accepted = await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = fresh });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var dueBy = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueBy").GetDateTimeOffset();
        Assert.InRange(dueBy, DateTimeOffset.UtcNow.AddHours(23), DateTimeOffset.UtcNow.AddHours(25));
        await AssertRefusedAsync(await victim.PostAsJsonAsync("/api/me/erase", new { confirmation = fresh }));
        foreach (var role in new[] { "reader", "moderator", "support" })
        {
            var caller = stack.Api.CreateClientFor(TestData.NewUserId(role), role, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PostAsJsonAsync($"/api/admin/users/{victimId}/erase", new { })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Api.CreateClient().PostAsJsonAsync("/api/me/erase", new { })).StatusCode);
    }

    [Fact]
    public async Task After_erasure_no_column_of_any_table_holds_the_readers_words_name_or_address_and_threads_keep_a_placeholder()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();
        var client = stack.Api.CreateClientFor(reader.UserId, reader.Name);
        Assert.True((await SearchEveryColumnAsync(reader.Marker)).Count >= 15, "the seeded reader is in many tables before the erasure");
        int auditEntriesBefore;
        await using (var db = TestServices.CreateDbContext())
        {
            auditEntriesBefore = await db.AuditEntries.CountAsync(a => a.TargetId == reader.UserId || a.TargetId == reader.Lonely.ToString());
        }

        var code = await StartAsync(client, "/api/me/erase");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/me/erase", new { confirmation = code })).StatusCode);
        var logLinesBefore = LogRecorder.Shared.Lines.Count;
        await EraseNowAsync(reader.UserId);

        await using (var db = TestServices.CreateDbContext())
        {
            var request = await db.ErasureRequests.SingleAsync(r => r.UserId == reader.UserId && r.ConfirmedAt != null);
            Assert.True(request.CompletedAt <= request.DueAt, "carried out within the deadline");
            Assert.Equal(auditEntriesBefore + 1, await db.AuditEntries.CountAsync(a => a.TargetId == reader.UserId || a.TargetId == reader.Lonely.ToString()));
            Assert.Single(await db.AuditEntries.Where(a => a.Action == ReaderErasure.AuditAction && a.TargetId == reader.UserId).ToListAsync());
            var decision = await db.Decisions.SingleAsync(d => d.CommentId == reader.Lonely);
            Assert.Equal(["SUSPECT_WORD"], decision.ReasonCodes);
            Assert.Empty(decision.Details.Matches);
            Assert.True(await db.StatementsOfReasons.AnyAsync(s => s.UserId == reader.UserId), "the statement of reasons stays");
        }
        var found = await SearchEveryColumnAsync(reader.Marker);
        Assert.True(found.Count == 0, $"the erased reader's text is still in: {string.Join(", ", found)}");
        Assert.DoesNotContain(LogRecorder.Shared.Lines.Skip(logLinesBefore), line => line.Contains(reader.Marker, StringComparison.OrdinalIgnoreCase));

        var listing = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{reader.ArticleId}/comments", TestData.Json);
        var items = listing.GetProperty("items").EnumerateArray().ToList();
        var placeholder = items.Single(c => c.GetProperty("id").GetGuid() == reader.Answered);
        Assert.True(placeholder.GetProperty("erased").GetBoolean());
        Assert.True(placeholder.GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, placeholder.GetProperty("body").ValueKind);
        Assert.Equal("", placeholder.GetProperty("authorName").GetString());
        Assert.Equal(JsonValueKind.Null, placeholder.GetProperty("authorId").ValueKind);
        Assert.DoesNotContain(items, c => c.GetProperty("id").GetGuid() == reader.Lonely);
        var gone = await client.GetFromJsonAsync<JsonElement>($"/api/comments/{reader.ReplyToOther}", TestData.Json);
        Assert.True(gone.GetProperty("erased").GetBoolean());
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("body").ValueKind);
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("authorId").ValueKind);

        var othersReply = (await stack.Api.CreateClientFor(reader.OtherUserId).WaitForNotificationsAsync("reply", 1, "the other reader's notification of the erased reader's reply")).Single();
        Assert.Equal("A deleted account replied to your comment.", othersReply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Outside_an_erasure_the_audit_log_still_refuses_every_change_and_within_one_every_change_but_its_text()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();
        await using var db = TestServices.CreateDbContext();
        var update = $"update audit_entries set after_json = after_json - 'message' where target_id = '{reader.UserId}'";
#pragma warning disable EF1002
        Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(update))).Message);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("set local comments.erasure = 'on'");
            var forged = $"update audit_entries set actor = 'someone else' where target_id = '{reader.UserId}'";
            Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(forged))).Message);
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("set local comments.erasure = 'on'");
            var delete = $"delete from audit_entries where target_id = '{reader.UserId}'";
            Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(delete))).Message);
        }
#pragma warning restore EF1002
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.TargetId == reader.UserId || a.TargetId == reader.Lonely.ToString()));
    }

    [Fact]
    public async Task An_admin_erases_a_reader_of_the_site_they_name_and_no_other()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();
        var admin = Admin;
        var code = await StartAsync(admin, $"/api/admin/users/{reader.UserId}/erase?siteId={otherSite.SiteId}");
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/api/admin/users/{reader.UserId}/erase?siteId={otherSite.SiteId}", new { confirmation = code })).StatusCode);
        await EraseNowAsync(reader.UserId);
        await using (var db = TestServices.CreateDbContext())
        {
            Assert.Equal($"{reader.Marker} lonely words, revised", (await db.Comments.SingleAsync(c => c.Id == reader.Lonely)).Body);
            Assert.Equal($"{reader.Marker} report details", (await db.Reports.SingleAsync(r => r.ReporterId == reader.UserId)).Details);
            Assert.NotNull((await db.LegalNotices.SingleAsync(n => n.NotifierId == reader.UserId)).NotifierEmail);
            Assert.True(await db.OutgoingMail.AnyAsync(m => m.To == reader.Email && m.HelpRequestId == null), "the digest on the other site stays");
        }

        code = await StartAsync(admin, $"/api/admin/users/{reader.UserId}/erase");
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync($"/api/admin/users/{reader.UserId}/erase", new { confirmation = code })).StatusCode);
        await EraseNowAsync(reader.UserId);
        await using var check = TestServices.CreateDbContext();
        Assert.Equal("", (await check.Comments.SingleAsync(c => c.Id == reader.Lonely)).Body);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/admin/users/{new string('u', 201)}/erase", new { }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Erasing_ones_own_account_never_touches_the_rows_of_someone_whose_address_one_typed()
    {
        var (victimId, attackerId) = (TestData.NewUserId("victim"), TestData.NewUserId("attacker"));
        var victimEmail = $"victim-{Guid.NewGuid():N}@example.org";
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        HelpRequest Help(string? requester, string? email, string? contact, string message) => new()
        {
            Id = Guid.CreateVersion7(), Reference = HelpDesk.NewReference(), RequesterId = requester, Email = email, ContactEmail = contact,
            Category = HelpRequestCategory.Other, Priority = HelpRequestPriority.Normal, Status = HelpRequestStatus.Open, Message = message,
            CreatedAt = at, UpdatedAt = at, FirstReplyDueAt = at.AddDays(1),
        };
        LegalNotice Notice(string notifier, string name) => new()
        {
            Id = Guid.CreateVersion7(), Reference = References.New("LN"), SiteId = SiteSettings.DefaultSiteId, CommentId = Guid.NewGuid(), Category = "defamation",
            Explanation = "It is untrue.", NotifierId = notifier, NotifierName = name, NotifierEmail = victimEmail, GoodFaith = true, ReceivedAt = at, DueAt = at.AddDays(1),
        };
        OutgoingMail Digest(string userId) => new()
        {
            Id = Guid.CreateVersion7(), To = victimEmail, Subject = "Your digest", Body = "Hello", CreatedAt = at,
            UnsubscribeUrl = PrivacyReader.UnsubscribeUrl(SiteSettings.DefaultSiteId, userId),
        };
        var (victims, anonymous, attackers) = (Help(victimId, victimEmail, null, "The victim's own request"),
            Help(null, victimEmail, null, "The victim's request, signed out"), Help(attackerId, $"{attackerId}@example.org", victimEmail, "Attacker's request"));
        var (victimsMail, victimsDigest, attackersDigest) = (new OutgoingMail { Id = Guid.CreateVersion7(), To = victimEmail, Subject = "About your request", Body = "Reply",
            HelpRequestId = victims.Id, CreatedAt = at }, Digest(victimId), Digest(attackerId));
        await using (var db = TestServices.CreateDbContext())
        {
            db.HelpRequests.AddRange(victims, anonymous, attackers);
            db.LegalNotices.AddRange(Notice(victimId, "Victim"), Notice(attackerId, "Attacker"));
            db.ReaderPreferences.AddRange(
                new ReaderPreferences { SiteId = SiteSettings.DefaultSiteId, UserId = victimId, Email = victimEmail, UpdatedAt = at },
                new ReaderPreferences { SiteId = SiteSettings.DefaultSiteId, UserId = attackerId, Email = victimEmail.ToUpperInvariant(), UpdatedAt = at });
            db.OutgoingMail.AddRange(victimsMail, victimsDigest, attackersDigest);
            await db.SaveChangesAsync();
        }

        var attacker = stack.Api.CreateClientFor(attackerId);
        var code = await StartAsync(attacker, "/api/me/erase");
        Assert.Equal(HttpStatusCode.Accepted, (await attacker.PostAsJsonAsync("/api/me/erase", new { confirmation = code })).StatusCode);
        await EraseNowAsync(attackerId);

        await using var check = TestServices.CreateDbContext();
        var helpRequests = await check.HelpRequests.AsNoTracking().Where(r => r.Id == victims.Id || r.Id == anonymous.Id || r.Id == attackers.Id).ToDictionaryAsync(r => r.Id);
        Assert.Equal(("The victim's own request", victimEmail), (helpRequests[victims.Id].Message, helpRequests[victims.Id].Email));
        Assert.Equal(("The victim's request, signed out", victimEmail), (helpRequests[anonymous.Id].Message, helpRequests[anonymous.Id].Email));
        Assert.Equal(("", (string?)null), (helpRequests[attackers.Id].Message, helpRequests[attackers.Id].ContactEmail));
        var mail = await check.OutgoingMail.AsNoTracking().Where(m => m.Id == victimsMail.Id || m.Id == victimsDigest.Id || m.Id == attackersDigest.Id).Select(m => m.Id).ToListAsync();
        Assert.Equal(new[] { victimsMail.Id, victimsDigest.Id }.Order(), mail.Order());
        var notices = await check.LegalNotices.AsNoTracking().Where(n => n.NotifierId == victimId || n.NotifierId == attackerId).ToDictionaryAsync(n => n.NotifierId!);
        Assert.Equal(("Victim", victimEmail), (notices[victimId].NotifierName, notices[victimId].NotifierEmail));
        Assert.Equal(((string?)null, (string?)null), (notices[attackerId].NotifierName, notices[attackerId].NotifierEmail));
    }

    [Fact]
    public async Task Within_an_erasure_the_audit_json_may_only_lose_keys_never_gain_one_or_change_a_value()
    {
        var reader = new PrivacyReader();
        await reader.SeedAsync();
        await using var db = TestServices.CreateDbContext();
        // No braces: raw SQL treats them as parameter placeholders.
        var forgeries = new[]
        {
            "after_json = after_json || jsonb_build_object('forged', true)",
            "after_json = jsonb_set(after_json, array['message'], to_jsonb('something else'::text))",
            "after_json = jsonb_set(after_json, array['details', 'note'], to_jsonb('something else'::text))",
            "before_json = jsonb_build_object('status', 'approved')",
            "after_json = '[]'",
        };
        foreach (var forgery in forgeries)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("set local comments.erasure = 'on'");
#pragma warning disable EF1002
            var update = $"update audit_entries set {forgery} where target_id in ('{reader.UserId}', '{reader.Lonely}')";
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(update));
#pragma warning restore EF1002
            Assert.True(refused.Message.Contains("append-only"), $"{forgery} is refused, not: {refused.Message}");
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync("set local comments.erasure = 'on'");
            var removed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"update audit_entries set after_json = after_json - 'message' #- '{{details,note}}' where target_id in ({reader.UserId}, {reader.Lonely.ToString()})");
            Assert.Equal(2, removed);
        }
    }

    /// <summary>Runs the worker's erasures now; the worker's own tick may be doing it at the same moment, so wait for the outcome.</summary>
    private async Task EraseNowAsync(string userId)
    {
        await stack.WorkerServices.GetRequiredService<ScheduledErasures>().RunDueAsync(CancellationToken.None);
        await Eventually.Until(async () =>
        {
            await using var db = TestServices.CreateDbContext();
            return await db.ErasureRequests.CountAsync(r => r.UserId == userId && r.ConfirmedAt != null && r.CompletedAt == null);
        }, open => open == 0, $"the confirmed erasures of {userId} carried out");
    }

    private static async Task<string> StartAsync(HttpClient client, string path)
    {
        var response = await client.PostAsJsonAsync(path, new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("confirmBy").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        return answer.GetProperty("confirmation").GetString()!;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response) => await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);

    private static async Task<bool> AnyConfirmedAsync(string userId)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.ErasureRequests.AnyAsync(r => r.UserId == userId && r.ConfirmedAt != null);
    }

    /// <summary>Every text, character, JSON and text-array column of every table (from information_schema), as "table.column".</summary>
    private static async Task<List<string>> SearchEveryColumnAsync(string needle)
    {
        await using var db = TestServices.CreateDbContext();
        var columns = await db.Database.SqlQuery<string>($"""
            select format('%I.%I', table_name, column_name) as "Value" from information_schema.columns
            where table_schema = 'public' and (data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or udt_name in ('_text', '_varchar'))
            """).ToListAsync();
        Assert.Contains("comments.body", columns);
        Assert.Contains("audit_entries.after_json", columns);
        var found = new List<string>();
        foreach (var column in columns)
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            // Table and column names come from the catalogue, quoted by format('%I'); the needle is a parameter.
#pragma warning disable EF1002
            var hits = await db.Database.SqlQueryRaw<int>($"select count(*)::int as \"Value\" from {table} where {name}::text ilike '%' || {{0}} || '%'", needle).SingleAsync();
#pragma warning restore EF1002
            if (hits > 0)
            {
                found.Add($"{column} ({hits})");
            }
        }
        return found;
    }
}
