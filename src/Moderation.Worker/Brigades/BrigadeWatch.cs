using System.Text.Json;
using Comments.Contracts;
using Comments.Moderation;
using Comments.Moderation.Brigades;
using Comments.Moderation.Settings;
using Comments.Storage;
using Comments.Storage.Articles;
using Comments.Storage.Audit;
using Comments.Storage.Decisions;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Brigades;

/// <summary>
/// Watches every busy article's last minutes and protects one that looks like a brigade: slow mode or pre-moderation
/// for a while (the site's settings say which and how long), recorded in the audit log and announced so every API
/// instance shows it at once. Time under a protection, or before a moderator ended one, does not count again.
/// Several workers may run it: a transaction-level advisory lock lets one of them at a time.
/// </summary>
public sealed class BrigadeWatch(IServiceScopeFactory scopes, IOptions<BrigadeWatchOptions> options, TimeProvider clock, ILogger<BrigadeWatch> logger)
    : BackgroundService
{
    private const long LockKey = 0x6272_6967_6164; // "brigad"

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Enabled
        ? PeriodicWork.RunAsync(options.Value.Interval, clock, WatchAsync, logger, "Watching articles for brigades", stoppingToken)
        : Task.CompletedTask;

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommentsDbContext>();
        var sites = scope.ServiceProvider.GetRequiredService<SiteModerationStore>();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"select pg_try_advisory_xact_lock({LockKey}) as \"Value\"").SingleAsync(cancellationToken))
        {
            return;
        }
        var started = new List<ArticleSettingsChanged>();
        var settingsBySite = new Dictionary<string, ModerationSettings>();
        foreach (var siteId in await db.SiteSettings.AsNoTracking().Select(s => s.SiteId).ToListAsync(cancellationToken))
        {
            settingsBySite[siteId] = (await sites.GetSettingsAsync(siteId, cancellationToken)).Settings;
        }
        // The widest window and smallest minimum of any site (a site without settings has the defaults); each
        // article is then judged by its own site's.
        var all = settingsBySite.Values.Append(new ModerationSettings()).ToList();
        var since = now - TimeSpan.FromMinutes(all.Max(s => s.BrigadeWindowMinutes));
        var busy = await ArticleActivityQuery.BusyArticlesAsync(db, since, all.Min(s => s.BrigadeMinComments), cancellationToken);
        foreach (var article in busy)
        {
            var settings = settingsBySite.GetValueOrDefault(article.SiteId) ?? new ModerationSettings();
            if (await ProtectAsync(db, article, settings, now, cancellationToken) is { } change)
            {
                started.Add(change);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        foreach (var change in started)
        {
            await publisher.Publish(change, cancellationToken);
        }
    }

    private async Task<ArticleSettingsChanged?> ProtectAsync(
        CommentsDbContext db, ArticleActivityQuery.ArticleKey article, ModerationSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!settings.BrigadeProtectionEnabled || settings.PreModeration)
        {
            return null;
        }
        var own = await db.ArticleSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == article.SiteId && s.ArticleId == article.ArticleId, cancellationToken);
        if (own is { Closed: true } or { PreModeration: true })
        {
            return null; // every comment is held or refused already
        }
        var last = await db.ArticleProtections.AsNoTracking().Where(p => p.SiteId == article.SiteId && p.ArticleId == article.ArticleId)
            .OrderByDescending(p => p.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && last.IsActive(now))
        {
            return null;
        }
        var start = now - TimeSpan.FromMinutes(settings.BrigadeWindowMinutes);
        if (last is not null && (last.EndedAt ?? last.Until) is var over && over > start)
        {
            start = over;
        }
        var activity = await ArticleActivityQuery.ReadAsync(db, article.SiteId, article.ArticleId, start, now, cancellationToken);
        var verdict = BrigadeVerdict.For(activity, settings);
        if (!verdict.UnderAttack)
        {
            return null;
        }
        var protection = new ArticleProtection
        {
            Id = Guid.CreateVersion7(now),
            SiteId = article.SiteId,
            ArticleId = article.ArticleId,
            Mode = settings.BrigadeMode,
            SlowModeSeconds = settings.BrigadeMode == ArticleProtectionMode.SlowMode ? settings.BrigadeSlowModeSeconds : 0,
            StartedAt = now,
            Until = now + TimeSpan.FromMinutes(settings.BrigadeProtectionMinutes),
            SignalsJson = JsonSerializer.Serialize(verdict, SiteModerationStore.Json),
        };
        db.ArticleProtections.Add(protection);
        db.Audit(Decision.SystemActor, "protect", "article", $"{article.SiteId}:{article.ArticleId}", now, before: null, after: protection.SignalsJson);
        logger.LogWarning("Article {ArticleId} looks like it is under attack ({Comments} comments in {Minutes:F1} min); {Mode} until {Until}",
            article.ArticleId, activity.Comments, activity.WindowMinutes, protection.Mode.WireName(), protection.Until);
        return new ArticleSettingsChanged { SiteId = article.SiteId, ArticleId = article.ArticleId, Change = "protection_started", ChangedAt = now };
    }
}
