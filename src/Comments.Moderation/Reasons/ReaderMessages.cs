using Comments.Storage.Decisions;

namespace Comments.Moderation.Reasons;

/// <summary>Reasons in words for the comment's author: what happened and why, never scores or internal detail.</summary>
public static class ReaderMessages
{
    private static readonly Dictionary<string, string> Why = new()
    {
        [ReasonCodes.TooShort] = "your comment is empty",
        [ReasonCodes.TooLong] = "your comment is longer than this site allows",
        [ReasonCodes.InvalidText] = "your comment contains characters that cannot be published",
        [ReasonCodes.AuthorBanned] = "your account can no longer post comments on this site",
        [ReasonCodes.AuthorSuspended] = "your account is suspended",
        [ReasonCodes.AuthorPremoderated] = "comments from your account are checked by a moderator before they appear",
        [ReasonCodes.BannedWord] = "contains a word this site does not allow",
        [ReasonCodes.SuspectWord] = "contains a word a moderator checks before publishing",
        [ReasonCodes.Toxic] = "it may break this site's rules on respectful discussion",
        [ReasonCodes.Spam] = "it looks like advertising or spam",
        [ReasonCodes.Links] = "links from new commenters are checked by a moderator",
        [ReasonCodes.RepeatPost] = "you posted the same text a few minutes ago",
        [ReasonCodes.RecentHistory] = "several of your recent comments were removed, so new ones are checked by a moderator",
        [ReasonCodes.NewCommenter] = "first comments from new commenters are checked by a moderator",
        [ReasonCodes.PreModeration] = "all comments on this article are checked by a moderator before they appear",
        ["OFFENSIVE"] = "a moderator found it offensive",
        ["ABUSIVE"] = "a moderator found it abusive",
        ["SPAM"] = "a moderator found it to be spam",
        ["BANNED_WORD"] = "contains a word this site does not allow",
        ["AD"] = "a moderator found it to be advertising",
        ["HARASSMENT"] = "a moderator found it to be harassment",
        ["HATE_SPEECH"] = "a moderator found it to be hate speech",
        ["MISINFORMATION"] = "a moderator found it to spread misinformation",
        ["OFF_TOPIC"] = "a moderator found it off topic",
        ["ILLEGAL"] = "a moderator found it may break the law",
        ["OTHER"] = "a moderator removed it",
    };

    private const string Fallback = "it does not meet this site's community guidelines";

    /// <summary>"held for review: links from new commenters are checked by a moderator".</summary>
    public static string For(string outcome, string code, string? detail = null) => Prefix(outcome) + Explain(code, detail);

    /// <summary>The same for a stored decision: a moderator's own explanation, when they wrote one, replaces the standard sentence.</summary>
    public static string For(string outcome, Decision decision, string code, string? detail = null) => Prefix(outcome) + Explain(decision, code, detail);

    public static string Explain(Decision decision, string code, string? detail = null) =>
        decision.Actor != Decision.SystemActor && decision.Details.Explanation is { Length: > 0 } explanation ? explanation : Explain(code, detail);

    /// <summary>The plain explanation without the outcome, for warnings on a draft and for support's notes.</summary>
    public static string Explain(string code, string? detail = null)
    {
        var why = Why.GetValueOrDefault(code, Fallback);
        if (code == ReasonCodes.AuthorSuspended && DateTimeOffset.TryParse(detail, out var until))
        {
            why += $" until {until:yyyy-MM-dd HH:mm} UTC";
        }
        return why;
    }

    private static string Prefix(string outcome) => outcome switch
    {
        "held" or "hold" => "held for review: ",
        "rejected" or "reject" => "rejected: ",
        "pending" => "waiting for review: ",
        _ => "",
    };
}
