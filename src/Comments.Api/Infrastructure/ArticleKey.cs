using System.Text.RegularExpressions;

namespace Comments.Api.Infrastructure;

/// <summary>The host site's article key: 1 to 200 letters, digits and <c>-_.:</c>.</summary>
public static partial class ArticleKey
{
    public const string Rule = "articleId must be 1 to 200 characters of letters, digits and -_.:";

    public static bool IsValid(string articleId) => Pattern().IsMatch(articleId);

    [GeneratedRegex(@"^[A-Za-z0-9\-_.:]{1,200}\z")]
    private static partial Regex Pattern();
}
