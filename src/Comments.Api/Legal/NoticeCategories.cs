using System.Text.Json;
using Comments.Moderation.Language;
using Comments.Moderation.Settings;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Legal;

/// <summary>
/// A site's legal grounds in the reader's language: the catalogue's sentence for a default category the site left as it
/// was, else the label the site wrote.
/// </summary>
public static class NoticeCategories
{
    public static async Task<IReadOnlyList<NoticeCategory>> ForSiteAsync(SiteModerationStore sites, string siteId, CancellationToken cancellationToken) =>
        (await sites.GetSettingsAsync(siteId, cancellationToken)).Settings.NoticeCategories;

    /// <summary>The label of a category code on a page of several sites' records, as the reader's form names it; the code itself when the site dropped it since.</summary>
    public static async Task<Func<string, string, string>> LabelsAsync(CommentsDbContext db, IStringLocalizer text, IReadOnlyCollection<string> siteIds,
        CancellationToken cancellationToken)
    {
        var stored = siteIds.Count == 0 ? [] : await db.SiteSettings.AsNoTracking().Where(s => siteIds.Contains(s.SiteId)).ToDictionaryAsync(s => s.SiteId, s => s.Json, cancellationToken);
        var perSite = siteIds.Distinct().ToDictionary(site => site, site =>
            (stored.TryGetValue(site, out var json) ? JsonSerializer.Deserialize<ModerationSettings>(json, SiteModerationStore.Json)! : new ModerationSettings())
                .NoticeCategories.ToDictionary(c => c.Code));
        return (site, code) => perSite.GetValueOrDefault(site)?.GetValueOrDefault(code) is { } category ? Label(text, category) : code;
    }

    public static string Label(IStringLocalizer text, NoticeCategory category) =>
        NoticeCategory.Defaults.Contains(category) && text[NoticeCategory.TextKey(category.Code)] is { ResourceNotFound: false } sentence
            ? sentence.Value : category.Label;

    public static NoticeCategoryView View(IStringLocalizer text, NoticeCategory category) =>
        new(category.Code, Label(text, category), category.IdentityOptional);
}

public sealed record NoticeCategoryView(string Code, string Label, bool IdentityOptional);
