using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Comments.Testing;
using Microsoft.EntityFrameworkCore;
using static Comments.Api.Tests.TransparencyTestData;

namespace Comments.Api.Tests;

/// <summary>
/// The article 15 report against records seeded straight into the tables: every figure equals a count written here
/// independently in SQL (and the number the seeding means it to be), and the CSV holds the same figures as the JSON.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class TransparencyReportTests(CommentsStack stack)
{
    private HttpClient Admin => stack.Api.CreateClientFor(TestData.NewUserId("admin"), "Ad Min", "admin");

    private async Task<(TransparencyTestData Data, JsonElement Report)> SeededReportAsync()
    {
        var data = await SeedAsync();
        var report = await Admin.GetFromJsonAsync<JsonElement>($"/api/admin/transparency?from={From}&to={To}&siteId={data.Site}", TestData.Json);
        return (data, report);
    }

    private static async Task<int> CountAsync(FormattableString sql)
    {
        await using var db = TestServices.CreateDbContext();
        return await db.Database.SqlQuery<int>(sql).SingleAsync();
    }

    /// <summary>The median, computed here from the durations rather than by the database.</summary>
    private static async Task<double> MedianAsync(FormattableString durations)
    {
        await using var db = TestServices.CreateDbContext();
        var seconds = (await db.Database.SqlQuery<double>(durations).ToListAsync()).Order().ToList();
        return seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[seconds.Count / 2 - 1] + seconds[seconds.Count / 2]) / 2;
    }

    private static IEnumerable<JsonElement> Rows(JsonElement report, params string[] path) =>
        path.Aggregate(report, (at, name) => at.GetProperty(name)).EnumerateArray();

    /// <summary>The report's cells as "key/key/count" against the ones the seeding means, in any order.</summary>
    private static void SameCells(string[] expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).GetString();

    [Fact]
    public async Task Notices_by_category_and_outcome_and_the_median_time_to_act_equal_a_direct_count()
    {
        var (data, report) = await SeededReportAsync();
        var site = data.Site;
        var cells = Rows(report, "notices", "byCategoryAndOutcome").ToList();
        foreach (var cell in cells)
        {
            var (category, outcome) = (Str(cell, "category")!, Str(cell, "outcome")!);
            var direct = outcome == "open"
                ? await CountAsync($"""select count(*)::int as "Value" from legal_notices where site_id = {site} and received_at >= {Start} and received_at < {End} and category = {category} and (outcome is null or decided_at >= {End})""")
                : await CountAsync($"""select count(*)::int as "Value" from legal_notices where site_id = {site} and received_at >= {Start} and received_at < {End} and category = {category} and outcome = {outcome} and decided_at < {End}""");
            Assert.True(direct == Int(cell, "count"), $"notices {category}/{outcome}: report {Int(cell, "count")}, direct count {direct}");
        }
        SameCells(["defamation/open/2", "defamation/restricted/1", "hate_speech/no_action/1", "hate_speech/removed/2", $"{FormulaCategory}/no_action/1"],
            cells.Select(c => $"{Str(c, "category")}/{Str(c, "outcome")}/{Int(c, "count")}"));

        var notices = report.GetProperty("notices");
        var received = await CountAsync($"""select count(*)::int as "Value" from legal_notices where site_id = {site} and received_at between {Start} and {End.AddTicks(-10)}""");
        var decided = await CountAsync($"""select count(*)::int as "Value" from legal_notices where site_id = {site} and received_at >= {Start} and received_at < {End} and decided_at < {End}""");
        var unfounded = await CountAsync($"""select count(*)::int as "Value" from legal_notices where site_id = {site} and received_at >= {Start} and received_at < {End} and manifestly_unfounded""");
        Assert.Equal((7, 5, 2, 1), (received, decided, received - decided, unfounded));
        Assert.Equal((received, decided, received - decided, unfounded), (Int(notices, "received"), Int(notices, "decided"), Int(notices, "open"), Int(notices, "manifestlyUnfounded")));
        Assert.Equal(received, cells.Sum(c => Int(c, "count")));
        var median = await MedianAsync($"""select extract(epoch from decided_at - received_at)::float8 as "Value" from legal_notices where site_id = {site} and received_at >= {Start} and received_at < {End} and decided_at < {End}""");
        Assert.Equal(3 * 3600, median);
        Assert.Equal(median, notices.GetProperty("medianSecondsToAct").GetDouble());
    }

    [Fact]
    public async Task Own_initiative_restrictions_account_restrictions_and_complaints_equal_a_direct_count()
    {
        var (data, report) = await SeededReportAsync();
        var site = data.Site;
        var byReason = Rows(report, "ownInitiative", "byReason").ToList();
        foreach (var cell in byReason)
        {
            var code = Str(cell, "reasonCode");
            var direct = code is null
                ? await CountAsync($"""select count(*)::int as "Value" from statements_of_reasons where site_id = {site} and notice_id is null and issued_at >= {Start} and issued_at < {End} and cardinality(reason_codes) = 0""")
                : await CountAsync($"""select count(*)::int as "Value" from statements_of_reasons where site_id = {site} and notice_id is null and issued_at >= {Start} and issued_at < {End} and {code} = any(reason_codes)""");
            Assert.True(direct == Int(cell, "count"), $"own initiative, reason {code}: report {Int(cell, "count")}, direct count {direct}");
        }
        SameCells(["(none)/1", "HARASSMENT/1", "OFFENSIVE/2", "SPAM/1", "THREAT/1"], byReason.Select(c => $"{Str(c, "reasonCode") ?? "(none)"}/{Int(c, "count")}"));

        var byMeans = Rows(report, "ownInitiative", "byRestrictionAndAutomation").ToList();
        foreach (var cell in byMeans)
        {
            var (restriction, automation) = (Str(cell, "restriction")!, Str(cell, "automation")!);
            var direct = await CountAsync($"""select count(*)::int as "Value" from statements_of_reasons where site_id = {site} and notice_id is null and issued_at >= {Start} and issued_at < {End} and restriction = {restriction} and automation = {automation}""");
            Assert.True(direct == Int(cell, "count"), $"own initiative {restriction}/{automation}: report {Int(cell, "count")}, direct count {direct}");
        }
        SameCells(["account_banned/none/1", "account_suspended/none/1", "comment_held/decision/1", "comment_removed/detection/1", "comment_removed/none/1"],
            byMeans.Select(c => $"{Str(c, "restriction")}/{Str(c, "automation")}/{Int(c, "count")}"));
        var ownTotal = await CountAsync($"""select count(*)::int as "Value" from statements_of_reasons where site_id = {site} and notice_id is null and issued_at >= {Start} and issued_at < {End}""");
        Assert.Equal(5, ownTotal);
        Assert.Equal(ownTotal, Int(report.GetProperty("ownInitiative"), "total"));

        var accounts = Rows(report, "accountRestrictions").ToList();
        foreach (var cell in accounts)
        {
            var (restriction, automation) = (Str(cell, "restriction")!, Str(cell, "automation")!);
            var direct = await CountAsync($"""select count(*)::int as "Value" from statements_of_reasons where site_id = {site} and issued_at >= {Start} and issued_at < {End} and restriction = {restriction} and automation = {automation}""");
            Assert.True(direct == Int(cell, "count"), $"account restriction {restriction}/{automation}: report {Int(cell, "count")}, direct count {direct}");
        }
        SameCells(["account_banned/none/1", "account_suspended/none/1"], accounts.Select(c => $"{Str(c, "restriction")}/{Str(c, "automation")}/{Int(c, "count")}"));

        var complaints = Rows(report, "complaints", "byRestrictionAndOutcome").ToList();
        foreach (var cell in complaints)
        {
            var (restriction, outcome) = (Str(cell, "restriction")!, Str(cell, "outcome")!);
            var direct = outcome == "open"
                ? await CountAsync($"""select count(*)::int as "Value" from complaints c join statements_of_reasons s on s.id = c.statement_id where c.site_id = {site} and c.received_at >= {Start} and c.received_at < {End} and s.restriction = {restriction} and (c.outcome is null or c.decided_at >= {End})""")
                : await CountAsync($"""select count(*)::int as "Value" from complaints c join statements_of_reasons s on s.id = c.statement_id where c.site_id = {site} and c.received_at >= {Start} and c.received_at < {End} and s.restriction = {restriction} and c.outcome = {outcome} and c.decided_at < {End}""");
            Assert.True(direct == Int(cell, "count"), $"complaints {restriction}/{outcome}: report {Int(cell, "count")}, direct count {direct}");
        }
        SameCells(["account_banned/open/1", "account_suspended/open/1", "comment_held/reversed/1", "comment_removed/upheld/1"],
            complaints.Select(c => $"{Str(c, "restriction")}/{Str(c, "outcome")}/{Int(c, "count")}"));
        var totals = report.GetProperty("complaints");
        var received = await CountAsync($"""select count(*)::int as "Value" from complaints where site_id = {site} and received_at >= {Start} and received_at < {End}""");
        var reversed = await CountAsync($"""select count(*)::int as "Value" from complaints where site_id = {site} and received_at >= {Start} and received_at < {End} and outcome = 'reversed' and decided_at < {End}""");
        Assert.Equal((4, 1), (received, reversed));
        Assert.Equal((received, reversed, 2, 2), (Int(totals, "received"), Int(totals, "reversed"), Int(totals, "decided"), Int(totals, "open")));
        var median = await MedianAsync($"""select extract(epoch from decided_at - received_at)::float8 as "Value" from complaints where site_id = {site} and received_at >= {Start} and received_at < {End} and decided_at < {End}""");
        Assert.Equal(3 * 86400, median);
        Assert.Equal(median, totals.GetProperty("medianSecondsToDecide").GetDouble());
    }

    [Fact]
    public async Task The_systems_decisions_against_the_moderators_last_word_equal_a_direct_count()
    {
        var (data, report) = await SeededReportAsync();
        var site = data.Site;
        var matrix = Rows(report, "automation", "systemVersusModerator").ToList();
        foreach (var cell in matrix)
        {
            var (system, moderator) = (Str(cell, "system")!, Str(cell, "moderator")!);
            // Written apart from the report's query: "not reviewed" as no person's decision after the system's, and a
            // moderator's outcome as a person's decision that no later person's decision followed.
            var direct = moderator == "not_reviewed"
                ? await CountAsync($"""
                    select count(*)::int as "Value" from decisions s join comments c on c.id = s.comment_id
                    where c.site_id = {site} and s.actor = 'system' and s.decided_at >= {Start} and s.decided_at < {End} and s.outcome = {system}
                      and not exists (select 1 from decisions h where h.comment_id = s.comment_id and h.revision = s.revision and h.actor <> 'system' and h.decided_at > s.decided_at and h.decided_at < {End})
                    """)
                : await CountAsync($"""
                    select count(*)::int as "Value" from decisions s join comments c on c.id = s.comment_id
                    where c.site_id = {site} and s.actor = 'system' and s.decided_at >= {Start} and s.decided_at < {End} and s.outcome = {system}
                      and exists (select 1 from decisions h where h.comment_id = s.comment_id and h.revision = s.revision and h.actor <> 'system'
                          and h.decided_at > s.decided_at and h.decided_at < {End} and h.outcome = {moderator}
                          and not exists (select 1 from decisions l where l.comment_id = h.comment_id and l.revision = h.revision and l.actor <> 'system' and l.decided_at > h.decided_at and l.decided_at < {End}))
                    """);
            Assert.True(direct == Int(cell, "count"), $"system {system} / moderator {moderator}: report {Int(cell, "count")}, direct count {direct}");
        }
        SameCells(["approved/not_reviewed/2/0", "approved/rejected/2/1", "held/approved/1/0", "held/not_reviewed/2/0", "held/rejected/2/0", "rejected/approved/1/0"],
            matrix.Select(c => $"{Str(c, "system")}/{Str(c, "moderator")}/{Int(c, "count")}/{Int(c, "reportedFirst")}"));
        var systemDecisions = await CountAsync($"""select count(*)::int as "Value" from decisions d join comments c on c.id = d.comment_id where c.site_id = {site} and d.actor = 'system' and d.decided_at >= {Start} and d.decided_at < {End}""");
        Assert.Equal(systemDecisions, matrix.Sum(c => Int(c, "count")));

        var approvedAfterReport = await CountAsync($"""
            select count(*)::int as "Value" from decisions s join comments c on c.id = s.comment_id
            join decisions h on h.comment_id = s.comment_id and h.revision = s.revision and h.actor <> 'system' and h.outcome = 'rejected' and h.decided_at > s.decided_at and h.decided_at < {End}
            where c.site_id = {site} and s.actor = 'system' and s.outcome = 'approved' and s.decided_at >= {Start} and s.decided_at < {End}
              and exists (select 1 from reports r where r.comment_id = s.comment_id and r.created_at > s.decided_at and r.created_at < h.decided_at)
            """);
        var indicators = report.GetProperty("automation").GetProperty("indicators");
        Assert.Equal(1, approvedAfterReport);
        Assert.Equal(approvedAfterReport, Int(indicators, "approvedThenRejectedAfterReport"));
        Assert.Equal((3, 1, 4, 2), (Int(indicators, "heldReviewed"), Int(indicators, "rejectedReviewed"), Int(indicators, "systemApproved"), Int(indicators, "approvedThenRejected")));
        Assert.Equal(2.0 / 3, indicators.GetProperty("heldRejectedShare").GetDouble(), 12);
        Assert.Equal(1.0 / 3, indicators.GetProperty("heldApprovedShare").GetDouble(), 12);
        Assert.Equal(1.0, indicators.GetProperty("rejectedApprovedShare").GetDouble(), 12);
        Assert.Equal(0.5, indicators.GetProperty("approvedThenRejectedShare").GetDouble(), 12);
    }

    [Fact]
    public async Task The_csv_holds_the_same_figures_as_the_json_and_no_cell_starts_a_formula()
    {
        var (data, report) = await SeededReportAsync();
        var response = await Admin.GetAsync($"/api/admin/transparency?from={From}&to={To}&siteId={data.Site}&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"transparency-{data.Site}-{From}-{To}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(["section", "item", "detail", "value"], rows[0]);
        Assert.All(rows, row => Assert.Equal(4, row.Length));
        var cells = rows.Skip(1).Where(r => r[0] != "report").ToDictionary(r => (r[0], r[1], r[2]), r => r[3]);

        var expected = new Dictionary<(string, string, string), string>();
        void Figure(string section, string item, string detail, JsonElement value) =>
            expected[(section, item, detail)] = value.ValueKind == JsonValueKind.Null ? "" : value.GetRawText();
        static string Cell(string? text) => text is { Length: > 0 } && "=+-@\t\r".Contains(text[0]) ? "'" + text : text ?? "";
        var notices = report.GetProperty("notices");
        foreach (var name in new[] { "received", "decided", "open", "manifestlyUnfounded", "medianSecondsToAct" })
        {
            Figure("notices", JsonNamingPolicy.SnakeCaseLower.ConvertName(name), "", notices.GetProperty(name));
        }
        foreach (var c in Rows(report, "notices", "byCategoryAndOutcome"))
        {
            Figure("notices_by_category", Cell(Str(c, "category")), Str(c, "outcome")!, c.GetProperty("count"));
        }
        Figure("own_initiative", "total", "", report.GetProperty("ownInitiative").GetProperty("total"));
        foreach (var c in Rows(report, "ownInitiative", "byReason"))
        {
            Figure("own_initiative_by_reason", Cell(Str(c, "reasonCode")), "", c.GetProperty("count"));
        }
        foreach (var c in Rows(report, "ownInitiative", "byRestrictionAndAutomation"))
        {
            Figure("own_initiative_by_means", Str(c, "restriction")!, Str(c, "automation")!, c.GetProperty("count"));
        }
        foreach (var c in Rows(report, "automation", "systemVersusModerator"))
        {
            Figure("system_versus_moderator", Str(c, "system")!, Str(c, "moderator")!, c.GetProperty("count"));
            Figure("system_versus_moderator_reported_first", Str(c, "system")!, Str(c, "moderator")!, c.GetProperty("reportedFirst"));
        }
        foreach (var indicator in report.GetProperty("automation").GetProperty("indicators").EnumerateObject())
        {
            Figure("accuracy", JsonNamingPolicy.SnakeCaseLower.ConvertName(indicator.Name), "", indicator.Value);
        }
        var complaints = report.GetProperty("complaints");
        foreach (var name in new[] { "received", "decided", "open", "reversed", "medianSecondsToDecide" })
        {
            Figure("complaints", JsonNamingPolicy.SnakeCaseLower.ConvertName(name), "", complaints.GetProperty(name));
        }
        foreach (var c in Rows(report, "complaints", "byRestrictionAndOutcome"))
        {
            Figure("complaints_by_restriction", Str(c, "restriction")!, Str(c, "outcome")!, c.GetProperty("count"));
        }
        foreach (var c in Rows(report, "accountRestrictions"))
        {
            Figure("account_restrictions", Str(c, "restriction")!, Str(c, "automation")!, c.GetProperty("count"));
        }
        Assert.Equal(expected.Keys.Order(), cells.Keys.Order());
        foreach (var (key, value) in expected)
        {
            Assert.True(value == cells[key] || double.Parse(value, CultureInfo.InvariantCulture) == double.Parse(cells[key], CultureInfo.InvariantCulture),
                $"CSV {key}: {cells[key]}, JSON {value}");
        }
        // The category an admin typed as a formula is text in the spreadsheet; nothing else starts like a formula.
        Assert.Equal("1", cells[("notices_by_category", "'" + FormulaCategory, "no_action")]);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"a cell starts a formula: {cell}"));
        Assert.Contains(rows, r => r is ["report", "site_id", "", _] && r[3] == data.Site);
    }

    [Fact]
    public async Task Accept_text_csv_chooses_the_csv_and_format_wins_over_accept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/transparency?from={From}&to={To}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await Admin.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("section,item,detail,value", await csv.Content.ReadAsStringAsync());

        var json = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/transparency?from={From}&to={To}&format=json");
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        Assert.Equal("application/json", (await Admin.SendAsync(json)).Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("from=2026-03-31&to=2026-03-01")]
    [InlineData("from=2025-01-01&to=2026-01-02")]
    [InlineData("to=2026-03-31")]
    [InlineData("from=2026-03-01")]
    [InlineData("from=2026-13-01&to=2026-12-31")]
    [InlineData("from=01/03/2026&to=2026-03-31")]
    [InlineData("from=1999-12-31&to=2000-01-01")]
    [InlineData("from=9999-12-01&to=9999-12-31")]
    [InlineData("from=2026-03-01&to=2026-03-31&format=xlsx")]
    [InlineData("from=2026-03-01&to=2026-03-31&siteId=Not%20A%20Site")]
    [InlineData("from=2026-03-01T00:00:00Z&to=2026-03-31")]
    public async Task Bad_input_gets_a_400_problem(string query)
    {
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync($"/api/admin/transparency?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_leap_year_whole_is_the_longest_period_and_an_empty_site_counts_nothing()
    {
        var response = await Admin.GetAsync($"/api/admin/transparency?from=2024-01-01&to=2024-12-31&siteId=tr-empty-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestData.Json);
        Assert.Equal(0, report.GetProperty("notices").GetProperty("received").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("notices").GetProperty("medianSecondsToAct").ValueKind);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("automation").GetProperty("indicators").GetProperty("heldRejectedShare").ValueKind);
        Assert.Equal("2024-12-31", report.GetProperty("to").GetString());
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break, quotes doubled.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var (row, field, quoted) = (new List<string>(), new System.Text.StringBuilder(), false);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else if (ch != '\r') field.Append(ch);
        }
        return rows;
    }
}
