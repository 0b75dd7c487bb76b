using Comments.Storage.Decisions;

namespace Comments.Moderation.Reasons;

/// <summary>Reasons in words for the comment's author: what happened and why, never scores or internal detail.</summary>
public static class ReaderMessages
{
    /// <summary>Every reason code once: the pipeline's codes and the ones moderators choose (<see cref="ModeratorCodes"/>).</summary>
    public static readonly IReadOnlyList<ReasonSentences> Table =
    [
        new(ReasonCodes.TooShort, "your comment is empty", "a moderator found it empty"),
        new(ReasonCodes.TooLong, "your comment is longer than this site allows", "a moderator found it too long for this site"),
        new(ReasonCodes.InvalidText, "your comment contains characters that cannot be published", "a moderator found characters in it that cannot be published"),
        new(ReasonCodes.AuthorBanned, "your account can no longer post comments on this site", "a moderator banned your account from commenting"),
        new(ReasonCodes.AuthorSuspended, "your account is suspended", "a moderator suspended your account"),
        new(ReasonCodes.AuthorPremoderated, "comments from your account are checked by a moderator before they appear",
            "a moderator asked that your comments be checked before they appear"),
        new(ReasonCodes.Staff, "it was written by a member of staff", "a moderator marked it as written by a member of staff"),
        new(ReasonCodes.BannedWord, "contains a word this site does not allow", "a moderator found a word in it this site does not allow"),
        new(ReasonCodes.SuspectWord, "contains a word a moderator checks before publishing", "a moderator found a word in it that needs care"),
        new(ReasonCodes.Toxic, "it may break this site's rules on respectful discussion", "a moderator found it breaks this site's rules on respectful discussion"),
        new(ReasonCodes.Insult, "it may insult another person", "a moderator found it insulting to another person"),
        new(ReasonCodes.Threat, "it may read as a threat against someone", "a moderator found it threatening"),
        new(ReasonCodes.Harassment, "it may send others after a person", "a moderator found it to be harassment"),
        new(ReasonCodes.PersonalInfo, "it may say where someone lives or works, or how to find them, which a moderator checks first",
            "a moderator found it shares someone's personal information"),
        new(ReasonCodes.Dehumanizing, "it may describe a group of people as less than human", "a moderator found it dehumanizing towards a group of people"),
        new(ReasonCodes.Incitement, "it may call on others to harm someone", "a moderator found it calls on others to harm someone"),
        new(ReasonCodes.WishingHarm, "it may wish harm on someone", "a moderator found it wishes harm on someone"),
        new(ReasonCodes.Sexual, "it may contain sexual remarks about a person", "a moderator found it contains sexual remarks about a person"),
        new(ReasonCodes.Spam, "it looks like advertising or spam", "a moderator found it to be spam"),
        new(ReasonCodes.Links, "links from new commenters are checked by a moderator", "a moderator found a link in it that this site does not allow"),
        new(ReasonCodes.RepeatPost, "you posted the same text a few minutes ago", "a moderator found it repeats an earlier comment"),
        new(ReasonCodes.RecentHistory, "several of your recent comments were removed, so new ones are checked by a moderator",
            "a moderator is checking your comments after several were removed"),
        new(ReasonCodes.NewCommenter, "first comments from new commenters are checked by a moderator", "a moderator checks first comments from new commenters"),
        new(ReasonCodes.PreModeration, "all comments on this article are checked by a moderator before they appear",
            "a moderator checks every comment on this article before it appears"),
        new(ReasonCodes.ArticlePreModeration, "comments on this article are checked by a moderator before they appear",
            "a moderator asked that comments on this article be checked before they appear"),
        new(ReasonCodes.ArticleProtection, "comments on this story are being reviewed before they appear",
            "an unusual burst of activity on this story means comments are checked for a while before they appear"),
        new(ReasonCodes.EditedAfterReview, "it was changed after a moderator looked at it or while it waited for one, so a moderator checks the new text",
            "a moderator is checking the changes you made after it was reviewed"),
        new("OFFENSIVE", "it may be offensive", "a moderator found it offensive"),
        new("ABUSIVE", "it may be abusive", "a moderator found it abusive"),
        new("AD", "it looks like advertising", "a moderator found it to be advertising"),
        new("HATE_SPEECH", "it may be hate speech", "a moderator found it to be hate speech"),
        new("MISINFORMATION", "it may spread misinformation", "a moderator found it to spread misinformation"),
        new("OFF_TOPIC", "it may be off topic", "a moderator found it off topic"),
        new("ILLEGAL", "it may break the law", "a moderator found it may break the law"),
        new("OTHER", "it does not meet this site's community guidelines", "a moderator removed it"),
    ];

    /// <summary>The reasons a moderator can choose in the console.</summary>
    public static readonly IReadOnlyList<string> ModeratorCodes =
        ["OFFENSIVE", "ABUSIVE", ReasonCodes.Spam, ReasonCodes.BannedWord, "AD", ReasonCodes.Harassment, "HATE_SPEECH", "MISINFORMATION", "OFF_TOPIC", "ILLEGAL",
         ReasonCodes.Insult, ReasonCodes.Threat, ReasonCodes.PersonalInfo, ReasonCodes.Dehumanizing, ReasonCodes.Incitement, ReasonCodes.WishingHarm,
         ReasonCodes.Sexual, "OTHER"];

    // ToDictionary throws on a code listed twice, so no entry can silently replace another.
    private static readonly Dictionary<string, ReasonSentences> ByCode = Table.ToDictionary(r => r.Code);

    private const string Fallback = "it does not meet this site's community guidelines";

    /// <summary>"held for review: links from new commenters are checked by a moderator".</summary>
    public static string For(string outcome, string code, string? detail = null) => Prefix(outcome) + Explain(code, detail);

    /// <summary>The same for a stored decision: a moderator's own explanation, when they wrote one, replaces the standard sentence.</summary>
    public static string For(string outcome, Decision decision, string code, string? detail = null) => Prefix(outcome) + Explain(decision, code, detail);

    public static string Explain(Decision decision, string code, string? detail = null) => decision.Actor == Decision.SystemActor
        ? Explain(code, detail)
        : decision.Details.Explanation is { Length: > 0 } explanation ? explanation : ByCode.GetValueOrDefault(code)?.Moderator ?? Fallback;

    /// <summary>The plain explanation without the outcome, for warnings on a draft and for support's notes.</summary>
    public static string Explain(string code, string? detail = null)
    {
        var why = ByCode.GetValueOrDefault(code)?.System ?? Fallback;
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
