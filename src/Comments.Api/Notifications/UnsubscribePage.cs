using System.Globalization;
using System.Net;
using Comments.Moderation.Language;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Notifications;

/// <summary>
/// The small pages behind a mail's unsubscribe link, in the request's language. Opening the link only asks (mail
/// scanners follow links); the button posts back, as a mail program's one-click unsubscribe does (RFC 8058).
/// </summary>
public static class UnsubscribePage
{
    public static string Confirm(IStringLocalizer text, string token) => Page(text[ReaderKeys.UnsubscribeAskTitle], $"""
        <p>{Html(text[ReaderKeys.UnsubscribeAskText])}</p>
        <form method="post" action="/api/unsubscribe?token={WebUtility.UrlEncode(token)}">
          <input type="hidden" name="List-Unsubscribe" value="One-Click">
          <button type="submit">{Html(text[ReaderKeys.UnsubscribeAskButton])}</button>
        </form>
        """);

    public static string Done(IStringLocalizer text) => Page(text[ReaderKeys.UnsubscribeDoneTitle], $"<p>{Html(text[ReaderKeys.UnsubscribeDoneText])}</p>");

    private static string Html(string sentence) => WebUtility.HtmlEncode(sentence);

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html(title)}</title>
        <link rel="stylesheet" href="/pages.css"></head>
        <body><main class="page"><h1>{Html(title)}</h1>
        {body}
        </main></body>
        </html>
        """;
}
