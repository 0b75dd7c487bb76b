using System.Text.RegularExpressions;
using Comments.Storage.Support;

namespace Moderation.Worker.Support;

/// <summary>Category and priority from the words of a help request: rules and keywords, first match wins.</summary>
public static partial class TriageRules
{
    private static readonly (HelpRequestCategory Category, Regex Pattern)[] CategoryRules =
    [
        (HelpRequestCategory.ReportAbuse, new(@"\b(harass\w*|threat\w*|stalk\w*|bully\w*|abus\w+ me|doxx?\w*)\b", RegexOptions.IgnoreCase)),
        (HelpRequestCategory.BannedOrSuspended, new(@"\b(bann?ed|suspend\w*|blocked from comment\w*)\b", RegexOptions.IgnoreCase)),
        (HelpRequestCategory.CommentRemoved, new(@"\b(removed|deleted|taken down|rejected|censor\w*)\b", RegexOptions.IgnoreCase)),
        (HelpRequestCategory.CommentMissing, new(@"\b(disappear\w*|missing|vanish\w*|not (showing|visible|appearing)|(doesn't|does not|didn't|did not|never) (show|appear)\w*|can'?t (see|find) my comment|where is my comment)\b", RegexOptions.IgnoreCase)),
        (HelpRequestCategory.CantPost, new(@"\b(can'?t|cannot|unable to|won'?t let me) (post|comment|submit|reply)\w*|\bpost button\b", RegexOptions.IgnoreCase)),
        (HelpRequestCategory.AccountOrLogin, new(@"\b(log ?in|sign ?in|password|account|e-?mail address)\b", RegexOptions.IgnoreCase)),
        (HelpRequestCategory.Technical, new(@"\b(error|bug|crash\w*|broken|loading|browser|blank page|spinner)\b", RegexOptions.IgnoreCase)),
    ];

    public static HelpRequestCategory Category(string message) =>
        CategoryRules.Where(rule => rule.Pattern.IsMatch(message)).Select(rule => rule.Category).DefaultIfEmpty(HelpRequestCategory.Other).First();

    /// <summary>Urgent for threats, harassment or danger to someone; high for bans, suspensions and removals; low for spam.</summary>
    public static HelpRequestPriority Priority(HelpRequestCategory category, string message, bool spam) =>
        spam ? HelpRequestPriority.Low
        : category == HelpRequestCategory.ReportAbuse || Danger().IsMatch(message) ? HelpRequestPriority.Urgent
        : category is HelpRequestCategory.BannedOrSuspended or HelpRequestCategory.CommentRemoved ? HelpRequestPriority.High
        : HelpRequestPriority.Normal;

    [GeneratedRegex(@"\b(threat\w*|kill (me|myself|you|him|her)|hurt (me|myself)|suicid\w*|self[- ]harm|harass\w*|stalk\w*|doxx?\w*|my (home )?address|in danger|unsafe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Danger();
}
