using System.Net;

namespace Comments.Api.Notifications;

/// <summary>
/// The small pages behind a mail's unsubscribe link. Opening the link only asks (mail scanners follow links); the
/// button posts back, as a mail program's one-click unsubscribe does (RFC 8058).
/// </summary>
public static class UnsubscribePage
{
    public static string Confirm(string token) => Page("Stop notification e-mails?", $"""
        <p>You get an e-mail when someone replies to your comments or a moderator decides on them.</p>
        <form method="post" action="/api/unsubscribe?token={WebUtility.UrlEncode(token)}">
          <input type="hidden" name="List-Unsubscribe" value="One-Click">
          <button type="submit">Stop these e-mails</button>
        </form>
        """);

    public static string Done() => Page("You will get no more notification e-mails",
        "<p>You can turn them on again in the comment section's settings.</p>");

    private static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
        <link rel="stylesheet" href="/pages.css"></head>
        <body><main class="page"><h1>{title}</h1>
        {body}
        </main></body>
        </html>
        """;
}
