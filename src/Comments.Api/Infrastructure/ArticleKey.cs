using System.Text.RegularExpressions;

namespace Comments.Api.Infrastructure;

/// <summary>The host site's article key: 1 to 200 letters, digits and <c>-_.:</c>.</summary>
public static partial class ArticleKey
{
    public const string Rule = "articleId must be 1 to 200 characters of letters, digits and -_.:";

    /// <summary>The most keys one request may list (article counts for an index page).</summary>
    public const int MaxListed = 100;

    public static bool IsValid(string articleId) => Pattern().IsMatch(articleId);

    /// <summary>
    /// A comma-separated list of 1 to <see cref="MaxListed"/> distinct keys, duplicates collapsed in first-seen order
    /// (<c>GET /api/articles/counts?ids=</c>). Null, with the reason, when a key is bad or there are too many.
    /// </summary>
    public static IReadOnlyList<string>? ParseList(string? list, out string? error)
    {
        var keys = (list ?? "").Split(',').Distinct(StringComparer.Ordinal).ToList();
        error = keys.FirstOrDefault(key => !IsValid(key)) is { } bad
            ? $"ids must be article keys separated by commas; '{(bad.Length > 40 ? bad[..40] + "..." : bad)}' is not one ({Rule})."
            : keys.Count > MaxListed ? $"ids may name at most {MaxListed} articles; ask for the others in another request." : null;
        return error is null ? keys : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_.:]{1,200}\z")]
    private static partial Regex Pattern();
}
