using System.Text.Json;
using System.Text.Json.Serialization;
using Comments.Moderation.Encoding;
using Comments.Moderation.Examples;
using Comments.Moderation.Harms;
using Comments.Moderation.Words;
using Comments.Storage;
using Comments.Storage.Audit;
using Comments.Storage.Sites;
using Microsoft.EntityFrameworkCore;

namespace Comments.Moderation.Settings;

/// <summary>
/// Reads and changes a site's moderation settings, word lists and example bank in PostgreSQL. Reads are fresh on every call, so a
/// change applies to the next comment without a restart; every change is recorded with who, when and the before
/// and after values.
/// </summary>
public sealed class SiteModerationStore(CommentsDbContext db, CompiledCache<WordMatcher> matchers, CompiledCache<ExampleBank> banks, TimeProvider clock)
{
    public const string SettingsSubject = "settings";
    // Enums by their wire names in stored JSON too, so a stored value survives reordering an enum.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    public async Task<SiteModeration> GetAsync(string siteId, CancellationToken cancellationToken)
    {
        var (settings, settingsVersion) = await GetSettingsAsync(siteId, cancellationToken);
        var versions = await db.WordLists.AsNoTracking().Where(l => l.SiteId == siteId)
            .Select(l => new { l.Kind, l.Version }).ToListAsync(cancellationToken);
        var listVersion = string.Join(",", Enum.GetValues<WordListKind>()
            .Select(kind => versions.FirstOrDefault(v => v.Kind == KindName(kind))?.Version ?? 0));
        var bankVersion = string.Join(",", Enum.GetValues<HarmKind>()
            .Select(harm => versions.FirstOrDefault(v => v.Kind == ExamplesKind(harm))?.Version ?? 0));
        if (!banks.TryGet(siteId, bankVersion, out var examples))
        {
            var entries = new List<(HarmKind, string)>();
            foreach (var harm in Enum.GetValues<HarmKind>())
            {
                var (texts, _) = await GetExamplesAsync(siteId, harm, cancellationToken);
                entries.AddRange(texts.Select(text => (harm, text)));
            }
            examples = new ExampleBank(entries, StaticEncoder.Shipped);
            banks.Store(siteId, bankVersion, examples);
        }
        if (!matchers.TryGet(siteId, listVersion, out var words))
        {
            var terms = new List<(string, WordListKind)>();
            foreach (var kind in Enum.GetValues<WordListKind>())
            {
                var (entries, _) = await GetWordListAsync(siteId, kind, cancellationToken);
                terms.AddRange(entries.Select(term => (term, kind)));
            }
            words = new WordMatcher(terms);
            matchers.Store(siteId, listVersion, words);
        }
        return new SiteModeration(siteId, settings, settingsVersion, words, listVersion, examples);
    }

    public async Task<(ModerationSettings Settings, int Version)> GetSettingsAsync(string siteId, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == siteId, cancellationToken);
        return row is null ? (new ModerationSettings(), 0) : (JsonSerializer.Deserialize<ModerationSettings>(row.Json, Json)!, row.Version);
    }

    public async Task<(IReadOnlyList<string> Entries, int Version)> GetWordListAsync(string siteId, WordListKind kind, CancellationToken cancellationToken)
    {
        var row = await db.WordLists.AsNoTracking().FirstOrDefaultAsync(l => l.SiteId == siteId && l.Kind == KindName(kind), cancellationToken);
        return row is null ? (DefaultWordLists.For(kind), 0) : (row.Entries, row.Version);
    }

    /// <summary>A harm's examples; without a row of the site's own, the starter bank's.</summary>
    public async Task<(IReadOnlyList<string> Examples, int Version)> GetExamplesAsync(string siteId, HarmKind harm, CancellationToken cancellationToken)
    {
        var row = await db.WordLists.AsNoTracking().FirstOrDefaultAsync(l => l.SiteId == siteId && l.Kind == ExamplesKind(harm), cancellationToken);
        return row is null ? (StarterExamples.For(harm), 0) : (row.Entries, row.Version);
    }

    public async Task<int> SaveExamplesAsync(string siteId, HarmKind harm, IReadOnlyList<string> examples, string actor, CancellationToken cancellationToken)
    {
        var kind = ExamplesKind(harm);
        var row = await db.WordLists.FirstOrDefaultAsync(l => l.SiteId == siteId && l.Kind == kind, cancellationToken);
        var before = JsonSerializer.Serialize(row?.Entries ?? StarterExamples.For(harm), Json);
        row ??= db.WordLists.Add(new WordList { SiteId = siteId, Kind = kind, UpdatedBy = actor }).Entity;
        row.Entries = [.. examples];
        return await RecordAsync(siteId, kind, before, JsonSerializer.Serialize(examples, Json), actor, row, cancellationToken);
    }

    /// <summary>Example banks are kept as lists beside the word lists, one per harm.</summary>
    public static string ExamplesKind(HarmKind harm) => $"examples:{harm}";

    public async Task<int> SaveSettingsAsync(string siteId, ModerationSettings settings, string actor, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.SiteId == siteId, cancellationToken);
        var before = row?.Json ?? JsonSerializer.Serialize(new ModerationSettings(), Json);
        var after = JsonSerializer.Serialize(settings, Json);
        if (row is null)
        {
            row = db.SiteSettings.Add(new SiteSettings { SiteId = siteId, Json = after, UpdatedBy = actor }).Entity;
        }
        row.Json = after;
        return await RecordAsync(siteId, SettingsSubject, before, after, actor, row, cancellationToken);
    }

    public async Task<int> SaveWordListAsync(string siteId, WordListKind kind, IReadOnlyList<string> entries, string actor, CancellationToken cancellationToken)
    {
        var row = await db.WordLists.FirstOrDefaultAsync(l => l.SiteId == siteId && l.Kind == KindName(kind), cancellationToken);
        var before = JsonSerializer.Serialize(row?.Entries ?? DefaultWordLists.For(kind), Json);
        if (row is null)
        {
            row = db.WordLists.Add(new WordList { SiteId = siteId, Kind = KindName(kind), UpdatedBy = actor }).Entity;
        }
        row.Entries = [.. entries];
        return await RecordAsync(siteId, $"wordlist:{KindName(kind)}", before, JsonSerializer.Serialize(entries, Json), actor, row, cancellationToken);
    }

    public static string KindName(WordListKind kind) => kind.WireName();

    /// <summary>Saves the changed row with its next version, an audit entry and a settings change (also for <see cref="ArticleSettingsStore"/>).</summary>
    internal async Task<int> RecordAsync(string siteId, string subject, string before, string after, string actor, object row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entry = db.Entry(row);
        var version = (int)entry.Property("Version").CurrentValue! + 1;
        entry.Property("Version").CurrentValue = version;
        entry.Property("UpdatedAt").CurrentValue = now;
        entry.Property("UpdatedBy").CurrentValue = actor;
        db.Audit(actor, "change", subject.Split(':')[0] switch { "wordlist" => "wordlist", "examples" => "examples", "article" => "article_settings", _ => "settings" }, $"{siteId}:{subject}", now, before, after);
        db.SettingsChanges.Add(new SettingsChange
        {
            Id = Guid.CreateVersion7(now),
            SiteId = siteId,
            Subject = subject,
            BeforeJson = before,
            AfterJson = after,
            ChangedBy = actor,
            ChangedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }
}
