using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Comments.Harness;
using Microsoft.VisualBasic.FileIO;
using Npgsql;

namespace Comments.Bench;

/// <summary>
/// Moderator search (<c>GET /api/moderation/search</c>) through the real endpoint: on the 100,000-comment article and
/// on a million more comments of varied text, several hundred searches of each kind, p50/p95/p99 per kind.
/// </summary>
public sealed class SearchBench(HttpClient http, Tokens tokens, NpgsqlDataSource database)
{
    public const int TableSize = 1_000_000;
    private const string Prefix = "bench-search";

    /// <summary>Words of the corpus, picked by how many of the million comments hold them (see docs/performance.md).</summary>
    private static readonly string[] CommonWords = ["council", "report", "people", "money", "police", "children", "water", "government"];
    private static readonly string[] RareWords = ["quarantine", "typhoon", "astronaut", "violinist", "marathon", "sculptor", "glacier", "harpoon"];

    /// <summary>
    /// A million comments on 2,000 articles by 50,000 authors over about a year, each two sentences picked from the
    /// repository's data (news comments, tweets, YouTube comments); 85% approved, 6% held, 5% rejected, 4% pending.
    /// A few sentences get a rare word, so that rare words are rare on purpose.
    /// </summary>
    public async Task SeedAsync(string root)
    {
        var sentences = Sentences(Path.Combine(root, "data")).ToArray();
        Console.WriteLine($"    {sentences.Length:N0} sentences from data/");
        var clock = Stopwatch.StartNew();
        await ExecuteAsync($"delete from comments where article_id like '{Prefix}-%'");
        // Kept up row by row, the trigram indexes made the insert take 20 minutes: they are built again afterwards.
        var trigramIndexes = new List<(string Name, string Definition)>();
        await using (var read = database.CreateCommand("select indexname, indexdef from pg_indexes where tablename = 'comments' and indexdef like '%gin_trgm_ops%'"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) trigramIndexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in trigramIndexes) await ExecuteAsync($"drop index {name}");
        await using var command = database.CreateCommand($"""
            insert into comments (id, site_id, article_id, author_id, author_name, body, status, created_at, updated_at, depth, revision, reply_count, respect_count, open_report_count)
            select gen_random_uuid(), 'default', '{Prefix}-' || (n % 2000), '{Prefix}-author-' || (n % 50000),
                   (array['Ada','Ben','Chloe','Dara','Emil','Femi','Greta','Hugo','Ines','Jonas'])[1 + n % 10] || ' ' ||
                   (array['Lovelace','Okafor','Novak','Silva','Berg','Haddad','Kowalski','Moreau','Tanaka','Walsh'])[1 + (n / 10) % 10] || ' ' || (n % 50000),
                   $1[1 + ((n::bigint * 7919) % cardinality($1))::int] || ' ' || $1[1 + ((n::bigint * 104729 + 13) % cardinality($1))::int]
                     || case when n % 9973 = 0 then ' ' || $2[1 + (n / 9973) % cardinality($2)] else '' end,
                   case when n % 100 < 85 then 'approved' when n % 100 < 91 then 'held' when n % 100 < 96 then 'rejected' else 'pending' end,
                   now() - make_interval(secs => n * 30), now() - make_interval(secs => n * 30), 0, 1, 0, 0, 0
            from generate_series(1, {TableSize}) n
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sentences });
        command.Parameters.Add(new NpgsqlParameter { Value = RareWords });
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync();
        foreach (var (_, definition) in trigramIndexes) await ExecuteAsync($"set maintenance_work_mem = '256MB'; {definition}");
        await ExecuteAsync("analyze comments");
        Console.WriteLine($"    {TableSize:N0} comments inserted and indexed in {clock.Elapsed.TotalSeconds:0} s");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 1800;
        await command.ExecuteNonQueryAsync();
    }

    private static IEnumerable<string> Sentences(string dataDir)
    {
        foreach (var (file, column) in new[] { ("news-training-toxicity.csv", 0), ("news-eval-stories.csv", 0), ("news-eval.csv", 0), ("toxicity_davidson_train.csv", 2), ("spam_youtube_train.csv", 2) })
        {
            using var parser = new TextFieldParser(Path.Combine(dataDir, file)) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
            parser.ReadFields();
            while (parser.ReadFields() is { } fields)
            {
                // The seed tweets are full of these words; a rare word must stay rare.
                if (!RareWords.Any(word => fields[column].Contains(word, StringComparison.OrdinalIgnoreCase)))
                {
                    yield return fields[column].Replace('\0', ' ');
                }
            }
        }
    }

    /// <summary>Each kind of search <paramref name="perKind"/> times by <paramref name="concurrency"/> moderators at once.</summary>
    public async Task<List<SearchFigure>> MeasureAsync(int perKind, int concurrency)
    {
        var rows = await SampleAsync();
        var secondPages = new List<string>();
        foreach (var word in CommonWords)
        {
            secondPages.Add($"q={word}&cursor={(await SearchAsync($"q={word}")).NextCursor}");
        }
        var kinds = new (string Name, Func<int, string> Query)[]
        {
            ("common word", i => $"q={CommonWords[i % CommonWords.Length]}"),
            ("rare word", i => $"q={RareWords[i % RareWords.Length]}"),
            ("phrase", i => $"q={Uri.EscapeDataString(rows.Phrases[i % rows.Phrases.Count])}"),
            ("author id", i => $"author={rows.Authors[i % rows.Authors.Count]}"),
            ("author name", i => $"author={Uri.EscapeDataString(rows.Names[i % rows.Names.Count])}"),
            ("comment id", i => $"q={rows.Ids[i % rows.Ids.Count]}"),
            ("article (100k) + word", i => $"articleId={SystemBench.BigArticle}&q=number%20{1 + i * 331 % 99_999}"),
            ("article (100k) + common word", i => $"articleId={SystemBench.BigArticle}&q={(i % 2 == 0 ? "real" : "seeded")}"),
            ("article (1M table) + word", i => $"articleId={Prefix}-{i % 2000}&q={CommonWords[i % CommonWords.Length]}"),
            ("status + date range", i => $"status={(i % 2 == 0 ? "held" : "rejected")}&from={rows.Days[i % rows.Days.Count]:yyyy-MM-dd}&to={rows.Days[i % rows.Days.Count].AddDays(1):yyyy-MM-dd}"),
            ("second page via cursor", i => secondPages[i % secondPages.Count]),
        };
        // Warm-up: each kind a few times (the JIT, the connection pool, the first reads of the indexes).
        foreach (var (_, query) in kinds)
        {
            for (var i = 0; i < 5; i++) await SearchAsync(query(i));
        }
        var figures = new List<SearchFigure>();
        foreach (var (name, query) in kinds)
        {
            var latencies = new List<double>[concurrency];
            var matches = new List<int>[concurrency];
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
            {
                (latencies[worker], matches[worker]) = ([], []);
                int i;
                while ((i = Interlocked.Increment(ref next)) < perKind)
                {
                    var started = Stopwatch.GetTimestamp();
                    var page = await SearchAsync(query(i));
                    latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    matches[worker].Add(page.Items);
                }
            }));
            var sorted = latencies.SelectMany(l => l).Order().ToArray();
            var figure = new SearchFigure(name, sorted.Length, matches.SelectMany(m => m).Average(),
                Closed.Percentile(sorted, 0.5), Closed.Percentile(sorted, 0.95), Closed.Percentile(sorted, 0.99));
            Console.WriteLine($"    {figure}");
            figures.Add(figure);
        }
        return figures;
    }

    private async Task<(int Items, string? NextCursor)> SearchAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/moderation/search?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.For("bench-moderator", "moderator"));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"search {query}: {(int)response.StatusCode} {text}");
        }
        using var page = JsonDocument.Parse(text);
        return (page.RootElement.GetProperty("items").GetArrayLength(), page.RootElement.GetProperty("nextCursor").GetString());
    }

    /// <summary>Authors, names, ids, three-word phrases and days taken from the seeded million, for the searches to ask.</summary>
    private async Task<(List<string> Authors, List<string> Names, List<Guid> Ids, List<string> Phrases, List<DateTime> Days)> SampleAsync()
    {
        await using var command = database.CreateCommand($"""
            select author_id, author_name, id, body, created_at from comments tablesample system (1)
            where article_id like '{Prefix}-%' limit 200
            """);
        var (authors, names, ids, phrases, days) = (new List<string>(), new List<string>(), new List<Guid>(), new List<string>(), new List<DateTime>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            authors.Add(reader.GetString(0));
            names.Add(reader.GetString(1));
            ids.Add(reader.GetGuid(2));
            var words = reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var phrase = words.Length >= 6 ? string.Join(' ', words[2..5]) : "";
            if (phrase.Length is >= 3 and <= 200 && !phrase.Any(char.IsControl)) phrases.Add(phrase);
            days.Add(reader.GetDateTime(4).Date);
        }
        return (authors, names, ids, phrases, days);
    }
}

public sealed record SearchFigure(string Kind, int Count, double MeanItems, double P50Ms, double P95Ms, double P99Ms)
{
    public override string ToString() => $"{Kind}: {Count} searches, {MeanItems:0.0} items a page, p50 {P50Ms:0.0} ms, p95 {P95Ms:0.0} ms, p99 {P99Ms:0.0} ms";

    public string Row => $"| {Kind} | {Count} | {MeanItems:0.0} | {P50Ms:0.0} ms | {P95Ms:0.0} ms | {P99Ms:0.0} ms |";
}
