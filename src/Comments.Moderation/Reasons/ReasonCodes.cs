using System.Collections.Frozen;

namespace Comments.Moderation.Reasons;

/// <summary>The reason codes the pipeline gives, as stored with each decision.</summary>
public static class ReasonCodes
{
    public const string TooShort = "TOO_SHORT";
    public const string TooLong = "TOO_LONG";
    public const string InvalidText = "INVALID_TEXT";
    public const string AuthorBanned = "AUTHOR_BANNED";
    public const string AuthorSuspended = "AUTHOR_SUSPENDED";
    public const string AuthorPremoderated = "AUTHOR_PREMODERATED";
    public const string Staff = "STAFF";

    /// <summary>More new comments from one author in the window than the posting limit allows (the worker's check, over every API).</summary>
    public const string PostingLimit = "POSTING_LIMIT";
    public const string BannedWord = "BANNED_WORD";
    public const string SuspectWord = "SUSPECT_WORD";
    public const string Toxic = "TOXIC";
    // Named harms (Harms/HarmKind): found by phrase rules, and chosen by moderators.
    public const string Insult = "INSULT";
    public const string Threat = "THREAT";
    public const string Harassment = "HARASSMENT";
    public const string PersonalInfo = "PERSONAL_INFO";
    public const string Dehumanizing = "DEHUMANIZING";
    public const string Incitement = "INCITEMENT";
    public const string WishingHarm = "WISHING_HARM";
    public const string Sexual = "SEXUAL";
    public const string Spam = "SPAM";
    public const string Links = "LINKS";
    public const string RepeatPost = "REPEAT_POST";
    public const string RecentHistory = "RECENT_HISTORY";
    public const string NewCommenter = "NEW_COMMENTER";
    public const string PreModeration = "PREMOD";
    public const string ArticlePreModeration = "ARTICLE_PREMOD";
    public const string ArticleProtection = "ARTICLE_PROTECTION";
    public const string EditedAfterReview = "EDITED_AFTER_REVIEW";

    /// <summary>A moderator found the comment illegal on a notice (the legal queue); not one of the ordinary queue's reasons.</summary>
    public const string IllegalContent = "ILLEGAL_CONTENT";

    /// <summary>
    /// Holds that judge nothing the comment says: every comment on the site or article waits, the author is new, or
    /// their account is pre-moderated (whose own statement says so). They need no statement of reasons of their own.
    /// </summary>
    public static readonly FrozenSet<string> PolicyHolds =
        FrozenSet.Create(PreModeration, ArticlePreModeration, ArticleProtection, NewCommenter, AuthorPremoderated);

    /// <summary>Rejections that follow from the author's ban or suspension, which its own statement already told them.</summary>
    public static readonly FrozenSet<string> AccountRestrictions = FrozenSet.Create(AuthorBanned, AuthorSuspended);
}
