using Comments.Api.Auth;
using Comments.Api.Infrastructure;
using Comments.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comments.Api.Ignoring;

/// <summary>
/// The user ids the signed-in reader ignores on this site, read once per request (the cache policy and the listing
/// both ask). Empty for anonymous callers.
/// </summary>
public sealed class IgnoredAuthors(CommentsDbContext db, IOptions<CommentOptions> comments, IOptions<IgnoreOptions> options)
{
    private string[]? _ids;

    public async Task<string[]> OfAsync(HttpContext http)
    {
        if (_ids is not null)
        {
            return _ids;
        }
        var reader = http.User.UserId();
        _ids = reader is null ? [] : await db.IgnoredReaders.AsNoTracking()
            .Where(i => i.SiteId == comments.Value.SiteId && i.ReaderId == reader)
            .Select(i => i.IgnoredId).Take(options.Value.MaxIgnoredReaders).ToArrayAsync(http.RequestAborted);
        return _ids;
    }
}
