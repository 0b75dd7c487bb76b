using Comments.Api.Infrastructure;
using System.Net;
using System.Security.Claims;
using System.Text;
using Comments.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Pages;

/// <summary>The consoles (/moderate, /support, /transparency) and, in Development only, a demo article with a sign-in that issues tokens.</summary>
public static class WebPages
{
    public static WebApplication MapWebPages(this WebApplication app)
    {
        // The consoles are static pages; they need a staff token for every call they make. They are read through the
        // web root's file provider, as the static-file middleware reads the scripts: a wwwroot folder after dotnet
        // publish, the project's files through the static web assets manifest in a build output (WebRootPath is null there).
        app.MapGet("/moderate", () => StaticPage(app.Environment, "moderate.html")).ExcludeFromDescription();
        app.MapGet("/support", () => StaticPage(app.Environment, "support.html")).ExcludeFromDescription();
        app.MapGet("/transparency", () => StaticPage(app.Environment, "transparency.html")).ExcludeFromDescription();
        app.MapGet("/legal", () => StaticPage(app.Environment, "legal.html")).ExcludeFromDescription();
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }
        app.MapGet("/demo/articles/{articleId}", DemoArticle).ExcludeFromDescription();
        app.MapPost("/dev/tokens", IssueToken).ExcludeFromDescription();
        return app;
    }

    private static Results<FileStreamHttpResult, NotFound> StaticPage(IWebHostEnvironment environment, string name)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(name);
        return file.Exists
            ? TypedResults.Stream(file.CreateReadStream(), "text/html; charset=utf-8", lastModified: file.LastModified)
            : TypedResults.NotFound();
    }

    /// <param name="lang">The embed's <c>data-lang</c> (the reader's language), when given.</param>
    public static Results<ContentHttpResult, BadRequest> DemoArticle(string articleId, string? lang)
    {
        if (!ArticleKey.IsValid(articleId))
        {
            return TypedResults.BadRequest();
        }
        var key = WebUtility.HtmlEncode(articleId);
        var language = string.IsNullOrWhiteSpace(lang) ? "" : $" data-lang=\"{WebUtility.HtmlEncode(lang)}\"";
        return TypedResults.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Flood defences hold as river peaks - demo article</title>
              <link rel="stylesheet" href="/embed.css"><link rel="stylesheet" href="/pages.css">
            </head>
            <body>
              <main class="page">
                <article>
                  <h1>Flood defences hold as river peaks</h1>
                  <p>The new barrier on the east bank held through the night as the river rose to its highest level in forty years.
                  Engineers spent the evening checking the pumps; residents of the low streets were told to stay upstairs until noon.</p>
                  <p>The council said the scheme, finished last spring after a decade of argument over its cost, had done what it was built to do.
                  Critics asked why the west bank, where most of the rented homes are, is still waiting for its share.</p>
                </article>
                <form id="dev-signin" class="dev-signin" aria-label="Development sign-in">
                  <strong>Development sign-in</strong>
                  <label for="userId">User id</label><input id="userId" name="userId" value="reader-1" required>
                  <label for="displayName">Name</label><input id="displayName" name="displayName" value="Ada Reader" required>
                  <fieldset><legend>Roles</legend>
                    <label><input type="checkbox" name="role" value="reader" checked> reader</label>
                    <label><input type="checkbox" name="role" value="moderator"> moderator</label>
                    <label><input type="checkbox" name="role" value="support"> support</label>
                    <label><input type="checkbox" name="role" value="admin"> admin</label>
                    <label><input type="checkbox" name="role" value="journalist"> journalist</label>
                    <label><input type="checkbox" name="role" value="staff"> staff</label>
                  </fieldset>
                  <button type="submit">Sign in</button>
                  <p id="dev-signin-status" role="status"></p>
                </form>
                <div id="comments" data-article-id="{{key}}"{{language}}></div>
              </main>
              <script src="/embed.js"></script>
              <script src="/demo.js"></script>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    public sealed record DevTokenRequest(string? UserId, string? Name, string[]? Roles);

    public sealed record DevToken(string Token);

    public static Results<Ok<DevToken>, ValidationProblem> IssueToken(DevTokenRequest request, IOptions<AuthOptions> auth)
    {
        string[] known = [Roles.Reader, Roles.Moderator, Roles.Support, Roles.Admin, Roles.Journalist, Roles.Staff];
        if (string.IsNullOrWhiteSpace(request.UserId) || request.UserId.Length > 200 || request.Roles is null || request.Roles.Any(r => !known.Contains(r)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["userId and roles (reader, moderator, support, admin, journalist, staff) are required."] });
        }
        var claims = new List<Claim> { new("sub", request.UserId), new("name", string.IsNullOrWhiteSpace(request.Name) ? request.UserId : request.Name) };
        claims.AddRange(request.Roles.Select(role => new Claim("role", role)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            Expires = DateTime.UtcNow.AddHours(8),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.Value.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new DevToken(token));
    }
}
