using Comments.Moderation.Language;
using Comments.Storage.Decisions;
using Microsoft.Extensions.Localization;

namespace Comments.Moderation.Reasons;

/// <summary>
/// Reasons in words for the comment's author: what happened and why, never scores or internal detail. The sentences
/// are in the reader text catalogue (<see cref="ReaderText"/>): one for the pipeline's decision
/// (<c>reason.system.links</c>) and one for a moderator's (<c>reason.moderator.links</c>), in the current UI culture.
/// </summary>
public static class ReaderMessages
{
    /// <summary>Every reason code once: the pipeline's codes and the ones moderators choose (<see cref="ModeratorCodes"/>).</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        ReasonCodes.TooShort, ReasonCodes.TooLong, ReasonCodes.InvalidText, ReasonCodes.AuthorBanned, ReasonCodes.AuthorSuspended,
        ReasonCodes.AuthorPremoderated, ReasonCodes.Staff, ReasonCodes.PostingLimit, ReasonCodes.BannedWord, ReasonCodes.SuspectWord, ReasonCodes.Toxic, ReasonCodes.Insult,
        ReasonCodes.Threat, ReasonCodes.Harassment, ReasonCodes.PersonalInfo, ReasonCodes.Dehumanizing, ReasonCodes.Incitement, ReasonCodes.WishingHarm,
        ReasonCodes.Sexual, ReasonCodes.Spam, ReasonCodes.Links, ReasonCodes.RepeatPost, ReasonCodes.RecentHistory, ReasonCodes.NewCommenter,
        ReasonCodes.PreModeration, ReasonCodes.ArticlePreModeration, ReasonCodes.ArticleProtection, ReasonCodes.EditedAfterReview,
        ReasonCodes.IllegalContent,
        "OFFENSIVE", "ABUSIVE", "AD", "HATE_SPEECH", "MISINFORMATION", "OFF_TOPIC", "ILLEGAL", "OTHER",
    ];

    /// <summary>The reasons a moderator can choose in the console.</summary>
    public static readonly IReadOnlyList<string> ModeratorCodes =
        ["OFFENSIVE", "ABUSIVE", ReasonCodes.Spam, ReasonCodes.BannedWord, "AD", ReasonCodes.Harassment, "HATE_SPEECH", "MISINFORMATION", "OFF_TOPIC", "ILLEGAL",
         ReasonCodes.Insult, ReasonCodes.Threat, ReasonCodes.PersonalInfo, ReasonCodes.Dehumanizing, ReasonCodes.Incitement, ReasonCodes.WishingHarm,
         ReasonCodes.Sexual, "OTHER"];

    // ToHashSet would hide a code listed twice; ToDictionary throws on it.
    private static readonly Dictionary<string, string> Known = Codes.ToDictionary(code => code);

    /// <summary>The catalogue key of the sentence for the pipeline's decision.</summary>
    public static string SystemKey(string code) => $"reason.system.{code.ToLowerInvariant()}";

    /// <summary>The catalogue key of the sentence for a moderator's decision.</summary>
    public static string ModeratorKey(string code) => $"reason.moderator.{code.ToLowerInvariant()}";

    /// <summary>"held for review: links from new commenters are checked by a moderator".</summary>
    public static string For(IStringLocalizer text, string outcome, string code, string? detail = null) => WithOutcome(text, outcome, Explain(text, code, detail));

    /// <summary>The same for a stored decision: a moderator's own explanation, when they wrote one, replaces the standard sentence.</summary>
    public static string For(IStringLocalizer text, string outcome, Decision decision, string code, string? detail = null) =>
        WithOutcome(text, outcome, Explain(text, decision, code, detail));

    public static string Explain(IStringLocalizer text, Decision decision, string code, string? detail = null) => decision.Actor == Decision.SystemActor
        ? Explain(text, code, detail)
        : decision.Details.Explanation is { Length: > 0 } explanation ? explanation
        : Known.ContainsKey(code) ? text[ModeratorKey(code)] : text[ReaderKeys.ReasonFallback];

    /// <summary>The plain explanation without the outcome, for warnings on a draft and for support's notes.</summary>
    public static string Explain(IStringLocalizer text, string code, string? detail = null)
    {
        if (!Known.ContainsKey(code))
        {
            return text[ReaderKeys.ReasonFallback];
        }
        return code == ReasonCodes.AuthorSuspended && DateTimeOffset.TryParse(detail, out var until)
            ? text.Say(ReaderKeys.ReasonSuspendedUntil, ("until", until.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))
            : text[SystemKey(code)];
    }

    private static string WithOutcome(IStringLocalizer text, string outcome, string reason) => outcome switch
    {
        "held" or "hold" => text.Say(ReaderKeys.OutcomeHeld, ("reason", reason)),
        "rejected" or "reject" => text.Say(ReaderKeys.OutcomeRejected, ("reason", reason)),
        "pending" => text.Say(ReaderKeys.OutcomePending, ("reason", reason)),
        _ => reason,
    };
}
