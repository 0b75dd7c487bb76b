using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Comments.FaultInjection;

/// <summary>The counts a scenario is judged by.</summary>
public sealed record Tally(
    string Scenario,
    int Sent,
    int Accepted,
    int Refused,
    int NoAnswer,
    int Decided,
    int Lost,
    int DuplicateComments,
    int DuplicateDecisions,
    int StoredWithout202,
    IReadOnlyDictionary<int, int> Statuses,
    TimeSpan Drain,
    string Latency)
{
    public bool Clean => Lost == 0 && DuplicateComments == 0 && DuplicateDecisions == 0;

    public string StatusSummary => string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString())}: {s.Value}"));
}

/// <summary>
/// Reads back from PostgreSQL what became of every comment a run sent: found by its marker, decided when it has
/// a status other than pending and a system decision.
/// </summary>
public sealed partial class Ledger(NpgsqlDataSource database)
{
    public async Task<Tally> SettleAsync(string scenario, IReadOnlyList<Attempt> attempts, TimeSpan timeout)
    {
        var accepted = attempts.Where(a => a.Accepted).ToDictionary(a => a.CommentId!.Value);
        var drain = Stopwatch.StartNew();
        IReadOnlyList<StoredComment> stored;
        while (true)
        {
            try
            {
                stored = await ReadAsync(attempts.Select(a => a.ArticleId).Distinct().ToArray());
            }
            catch (NpgsqlException) when (drain.Elapsed < timeout)
            {
                // A connection of this pool that PostgreSQL closed while it was stopped; the next try opens a new one.
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }
            var decided = stored.Count(s => accepted.ContainsKey(s.Id) && s.Decided);
            if (decided >= accepted.Count || drain.Elapsed > timeout)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var acceptedMarkers = accepted.Values.Select(a => a.Marker).ToHashSet();
        var decidedIds = stored.Where(s => accepted.ContainsKey(s.Id) && s.Decided).Select(s => s.Id).ToHashSet();
        return new Tally(
            scenario,
            Sent: attempts.Count,
            Accepted: accepted.Count,
            Refused: attempts.Count(a => !a.Accepted && a.Status != 0),
            NoAnswer: attempts.Count(a => a.Status == 0),
            Decided: decidedIds.Count,
            Lost: accepted.Count - decidedIds.Count,
            DuplicateComments: stored.GroupBy(s => s.Marker).Sum(g => g.Count() - 1),
            DuplicateDecisions: stored.Sum(s => Math.Max(0, s.SystemDecisions - s.Revision)),
            StoredWithout202: stored.Count(s => !acceptedMarkers.Contains(s.Marker)),
            Statuses: attempts.GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count()),
            Drain: drain.Elapsed,
            Latency: Describe(attempts));
    }

    /// <summary>Response times and when the answers other than 202 came, in seconds from the start of the load.</summary>
    private static string Describe(IReadOnlyList<Attempt> attempts)
    {
        var times = attempts.Select(a => a.Took.TotalMilliseconds).Order().ToArray();
        var odd = attempts.Where(a => !a.Accepted).ToList();
        var window = odd.Count == 0 ? "" : $"; answers other than 202 between {odd.Min(a => a.SentAt).TotalSeconds:0.0} s and {odd.Max(a => a.SentAt).TotalSeconds:0.0} s" +
            $" ({string.Join(", ", odd.GroupBy(a => a.Error ?? a.Status.ToString()).Select(g => $"{g.Key}×{g.Count()}"))})";
        return $"response time p50 {times[times.Length / 2]:0} ms, p99 {times[(int)(times.Length * 0.99)]:0} ms, max {times[^1]:0} ms{window}";
    }

    private async Task<IReadOnlyList<StoredComment>> ReadAsync(string[] articles)
    {
        await using var command = database.CreateCommand("""
            select c.id, c.status, c.body, c.revision,
                   (select count(*) from decisions d where d.comment_id = c.id and d.actor = 'system')::int
            from comments c where c.article_id = any($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = articles });
        var rows = new List<StoredComment>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var body = reader.GetString(2);
            var marker = MarkerPattern().Match(body) is { Success: true } match ? match.Groups[1].Value : body;
            rows.Add(new StoredComment(reader.GetGuid(0), reader.GetString(1) != "pending" && reader.GetInt32(4) > 0, marker, reader.GetInt32(3), reader.GetInt32(4)));
        }
        return rows;
    }

    [GeneratedRegex(@"\[([^\]]+)\]$")]
    private static partial Regex MarkerPattern();

    private sealed record StoredComment(Guid Id, bool Decided, string Marker, int Revision, int SystemDecisions);
}
