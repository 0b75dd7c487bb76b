using Comments.Moderation.Language;
using Comments.Moderation.Settings;
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

    public static string Label(IStringLocalizer text, NoticeCategory category) =>
        NoticeCategory.Defaults.Contains(category) && text[NoticeCategory.TextKey(category.Code)] is { ResourceNotFound: false } sentence
            ? sentence.Value : category.Label;

    public static NoticeCategoryView View(IStringLocalizer text, NoticeCategory category) =>
        new(category.Code, Label(text, category), category.IdentityOptional);
}

public sealed record NoticeCategoryView(string Code, string Label, bool IdentityOptional);
