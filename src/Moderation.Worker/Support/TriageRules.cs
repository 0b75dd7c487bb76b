using System.Text.RegularExpressions;

namespace Moderation.Worker.Support;

/// <summary>Category and priority from the words of a help request: rules and keywords, first match wins.</summary>
public static partial class TriageRules
{
    private static readonly (string Category, Regex Pattern)[] CategoryRules =
    [
        ("report_abuse", new(@"\b(harass\w*|threat\w*|stalk\w*|bully\w*|abus\w+ me|doxx?\w*)\b", RegexOptions.IgnoreCase)),
        ("banned_or_suspended", new(@"\b(bann?ed|suspend\w*|blocked from comment\w*)\b", RegexOptions.IgnoreCase)),
        ("comment_removed", new(@"\b(removed|deleted|taken down|rejected|censor\w*)\b", RegexOptions.IgnoreCase)),
        ("comment_missing", new(@"\b(disappear\w*|missing|vanish\w*|not (showing|visible|appearing)|(doesn't|does not|didn't|did not|never) (show|appear)\w*|can'?t (see|find) my comment|where is my comment)\b", RegexOptions.IgnoreCase)),
        ("cant_post", new(@"\b(can'?t|cannot|unable to|won'?t let me) (post|comment|submit|reply)\w*|\bpost button\b", RegexOptions.IgnoreCase)),
        ("account_or_login", new(@"\b(log ?in|sign ?in|password|account|e-?mail address)\b", RegexOptions.IgnoreCase)),
        ("technical", new(@"\b(error|bug|crash\w*|broken|loading|browser|blank page|spinner)\b", RegexOptions.IgnoreCase)),
    ];

    public static string Category(string message) =>
        CategoryRules.FirstOrDefault(rule => rule.Pattern.IsMatch(message)).Category ?? "other";

    /// <summary>Urgent for threats, harassment or danger to someone; high for bans, suspensions and removals; low for spam.</summary>
    public static string Priority(string category, string message, bool spam) =>
        spam ? "low"
        : category == "report_abuse" || Danger().IsMatch(message) ? "urgent"
        : category is "banned_or_suspended" or "comment_removed" ? "high"
        : "normal";

    [GeneratedRegex(@"\b(threat\w*|kill (me|myself|you|him|her)|hurt (me|myself)|suicid\w*|self[- ]harm|harass\w*|stalk\w*|doxx?\w*|my (home )?address|in danger|unsafe)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Danger();
}
