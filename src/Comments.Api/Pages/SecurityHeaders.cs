namespace Comments.Api.Pages;

/// <summary>
/// Headers on every response: no MIME sniffing; on pages, a Content-Security-Policy that allows only our own scripts,
/// styles and API calls (no inline script, so injected markup cannot run even if it ever reached the page).
/// </summary>
public static class SecurityHeaders
{
    public const string FrameAncestorsSetting = "Embed:FrameAncestors";
    public const string DefaultFrameAncestors = "'self'";

    /// <summary>The page policy; <c>Embed:FrameAncestors</c> (space-separated origins) says who may frame our pages, 'self' by default.</summary>
    public static string PagePolicy(string frameAncestors) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        $"form-action 'self'; frame-ancestors {frameAncestors}";

    /// <summary>
    /// The API reference page (/scalar) starts its viewer with an inline script and styles it inline; it shows no
    /// user content, so only there inline script and style are allowed.
    /// </summary>
    public static string ReferencePolicy(string frameAncestors) =>
        PagePolicy(frameAncestors).Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var ancestors = app.Configuration[FrameAncestorsSetting] is { Length: > 0 } configured ? configured : DefaultFrameAncestors;
        var (policy, reference) = (PagePolicy(ancestors), ReferencePolicy(ancestors));
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? reference : policy;
                }
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
