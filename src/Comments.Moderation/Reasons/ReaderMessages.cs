using Comments.Storage.Decisions;

namespace Comments.Moderation.Reasons;

/// <summary>Reasons in words for the comment's author: what happened and why, never scores or internal detail.</summary>
public static class ReaderMessages
{
    // What the pipeline's own reasons mean. Kept apart from the moderators' reasons below: some codes are in both,
    // and one dictionary would silently keep only the last sentence for a code.
    private static readonly Dictionary<string, string> SystemWhy = new()
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
        [ReasonCodes.Insult] = "it may insult another person",
        [ReasonCodes.Threat] = "it may read as a threat against someone",
        [ReasonCodes.Harassment] = "it may send others after a person",
        [ReasonCodes.PersonalInfo] = "it may say where someone lives or works, or how to find them, which a moderator checks first",
        [ReasonCodes.Dehumanizing] = "it may describe a group of people as less than human",
        [ReasonCodes.Incitement] = "it may call on others to harm someone",
        [ReasonCodes.WishingHarm] = "it may wish harm on someone",
        [ReasonCodes.Sexual] = "it may contain sexual remarks about a person",
        [ReasonCodes.Spam] = "it looks like advertising or spam",
        [ReasonCodes.Links] = "links from new commenters are checked by a moderator",
        [ReasonCodes.RepeatPost] = "you posted the same text a few minutes ago",
        [ReasonCodes.RecentHistory] = "several of your recent comments were removed, so new ones are checked by a moderator",
        [ReasonCodes.NewCommenter] = "first comments from new commenters are checked by a moderator",
        [ReasonCodes.PreModeration] = "all comments on this article are checked by a moderator before they appear",
        [ReasonCodes.EditedAfterReview] = "it was changed after a moderator looked at it or while it waited for one, so a moderator checks the new text",
    };

    // The reasons moderators choose in the console.
    private static readonly Dictionary<string, string> ModeratorWhy = new()
    {
        ["OFFENSIVE"] = "a moderator found it offensive",
        ["ABUSIVE"] = "a moderator found it abusive",
        [ReasonCodes.Spam] = "a moderator found it to be spam",
        [ReasonCodes.BannedWord] = "contains a word this site does not allow",
        ["AD"] = "a moderator found it to be advertising",
        [ReasonCodes.Harassment] = "a moderator found it to be harassment",
        ["HATE_SPEECH"] = "a moderator found it to be hate speech",
        ["MISINFORMATION"] = "a moderator found it to spread misinformation",
        ["OFF_TOPIC"] = "a moderator found it off topic",
        ["ILLEGAL"] = "a moderator found it may break the law",
        [ReasonCodes.Insult] = "a moderator found it insulting to another person",
        [ReasonCodes.Threat] = "a moderator found it threatening",
        [ReasonCodes.PersonalInfo] = "a moderator found it shares someone's personal information",
        [ReasonCodes.Dehumanizing] = "a moderator found it dehumanizing towards a group of people",
        [ReasonCodes.Incitement] = "a moderator found it calls on others to harm someone",
        [ReasonCodes.WishingHarm] = "a moderator found it wishes harm on someone",
        [ReasonCodes.Sexual] = "a moderator found it contains sexual remarks about a person",
        ["OTHER"] = "a moderator removed it",
    };

    private const string Fallback = "it does not meet this site's community guidelines";

    /// <summary>"held for review: links from new commenters are checked by a moderator".</summary>
    public static string For(string outcome, string code, string? detail = null) => Prefix(outcome) + Explain(code, detail);

    /// <summary>The same for a stored decision: a moderator's own explanation, when they wrote one, replaces the standard sentence.</summary>
    public static string For(string outcome, Decision decision, string code, string? detail = null) => Prefix(outcome) + Explain(decision, code, detail);

    public static string Explain(Decision decision, string code, string? detail = null) => decision.Actor == Decision.SystemActor
        ? Explain(code, detail)
        : decision.Details.Explanation is { Length: > 0 } explanation ? explanation : ModeratorWhy.GetValueOrDefault(code) ?? Explain(code, detail);

    /// <summary>The plain explanation without the outcome, for warnings on a draft and for support's notes.</summary>
    public static string Explain(string code, string? detail = null)
    {
        var why = SystemWhy.GetValueOrDefault(code) ?? ModeratorWhy.GetValueOrDefault(code, Fallback);
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
