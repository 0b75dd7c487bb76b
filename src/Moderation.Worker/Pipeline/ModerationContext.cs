using Comments.Storage;
using Comments.Moderation.Analysis;
using Comments.Moderation.Settings;
using Comments.Moderation.Words;
using Comments.Storage.Decisions;

namespace Moderation.Worker.Pipeline;

/// <summary>What the phases share during one run: the subject, the site, the findings so far, and the verdict.</summary>
public sealed class ModerationContext(ModerationSubject subject, SiteModeration site, ContentAnalyzer analyzer, IAuthorHistory history)
{
    private ContentFindings? _findings;
    private Task<AuthorRecord>? _record;

    public ModerationSubject Subject { get; } = subject;
    public SiteModeration Site { get; } = site;
    public ModerationSettings Settings => Site.Settings;

    /// <summary>The comment's article's own settings (defaults without a row).</summary>
    public ArticleModerationSettings Article { get; init; } = new();

    /// <summary>The article's protection against a brigade in force when the comment is decided, if any.</summary>
    public ActiveProtection? Protection { get; init; }

    /// <summary>The worker's posting limit (its window is read with the author's history).</summary>
    public PostingLimitOptions PostingLimit { get; init; } = new();
    public ContentAnalyzer Analyzer { get; } = analyzer;
    public IAuthorHistory History { get; } = history;

    public List<DecisionReason> Reasons { get; } = [];
    public Dictionary<string, double> Scores { get; } = [];
    public List<MatchedTerm> Matches { get; } = [];
    public Dictionary<string, string> ModelVersions { get; } = [];

    public DecisionOutcome? FinalOutcome { get; private set; }
    public bool Held { get; private set; }
    public bool Ended => FinalOutcome is not null;

    /// <summary>Words, scores and links of the text, worked out once, when a phase first asks.</summary>
    public ContentFindings Findings
    {
        get
        {
            if (_findings is null)
            {
                _findings = Analyzer.Analyze(Subject.Body, Site.Words, Site.Examples);
                Matches.AddRange(_findings.Matches.Select(m => new MatchedTerm(m.Term, m.List.WireName(), m.Start, m.Length, m.Text)));
            }
            return _findings;
        }
    }

    /// <summary>The moments from which the history phases count, from the site's settings and this comment's time.</summary>
    public HistoryWindows HistoryWindows => new(
        RepeatSince: Subject.CreatedAt - TimeSpan.FromMinutes(Settings.RepeatPostWindowMinutes),
        RecentSince: Subject.CreatedAt - TimeSpan.FromDays(Settings.RecentHistoryWindowDays),
        PostingSince: Subject.CreatedAt - TimeSpan.FromSeconds(PostingLimit.WindowSeconds));

    /// <summary>The author's history, read once, when a phase first asks (unless read beforehand: <see cref="UseAuthorRecord"/>).</summary>
    public Task<AuthorRecord> AuthorRecordAsync(CancellationToken cancellationToken) => _record ??= History.ReadAsync(HistoryWindows, cancellationToken);

    /// <summary>The author's history as read beforehand for <see cref="HistoryWindows"/> (a group reads all its comments' at once).</summary>
    public void UseAuthorRecord(AuthorRecord record) => _record = Task.FromResult(record);

    public void Hold(string code, string phase, string? detail = null)
    {
        Reasons.Add(new DecisionReason(code, phase, detail));
        Held = true;
    }

    public void Reject(string code, string phase, string? detail = null)
    {
        Reasons.Add(new DecisionReason(code, phase, detail));
        FinalOutcome = DecisionOutcome.Rejected;
    }

    /// <summary>Ends the run; the comment is approved unless an earlier phase held it.</summary>
    public void Approve(string code, string phase)
    {
        Reasons.Add(new DecisionReason(code, phase));
        FinalOutcome = Held ? DecisionOutcome.Held : DecisionOutcome.Approved;
    }

    public IEnumerable<TermMatch> MatchesIn(WordListKind list) => Findings.In(list);
}
