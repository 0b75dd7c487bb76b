using System.Globalization;
using Comments.Moderation.Language;
using Microsoft.AspNetCore.Localization;

namespace Comments.Api.Language;

/// <summary>
/// The reader's language for every request: <c>?lang=de</c>, else <c>Accept-Language</c> (the embed sends its
/// <c>data-lang</c> or the browser's language there), else English. Only the UI culture (which sentences the reader
/// text catalogue gives) follows the reader; the formatting culture stays the process's, so nothing else the API
/// writes changes with the reader's language.
/// </summary>
public static class ReaderLanguages
{
    public const string QueryKey = "lang";

    public static IHostApplicationBuilder AddReaderLanguages(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var languages = ReaderText.Languages.Select(CultureInfo.GetCultureInfo).ToList();
            options.SupportedUICultures = languages;
            options.DefaultRequestCulture = new RequestCulture(options.DefaultRequestCulture.Culture, languages[0]);
            // "de-AT" finds "de"; a language the catalogue does not have gets the default.
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        builder.Services.AddSingleton<EmbedTexts>();
        return builder;
    }
}
