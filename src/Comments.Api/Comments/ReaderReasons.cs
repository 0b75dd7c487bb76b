namespace Comments.Api.Comments;

/// <summary>What a reason code means, in words for the comment's author.</summary>
public static class ReaderReasons
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["TOO_SHORT"] = "Your comment is empty.",
        ["TOO_LONG"] = "Your comment is longer than this site allows.",
        ["INVALID_TEXT"] = "Your comment contains characters that cannot be published.",
    };

    private const string Fallback = "Your comment does not meet this site's community guidelines.";

    public static IReadOnlyList<ReaderReason> For(IEnumerable<string> codes) =>
        [.. codes.Select(code => new ReaderReason(code, Messages.GetValueOrDefault(code, Fallback)))];
}
