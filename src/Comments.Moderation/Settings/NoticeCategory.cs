using System.Text.RegularExpressions;

namespace Comments.Moderation.Settings;

/// <summary>
/// A legal ground a notice of illegal content can name (Digital Services Act article 16), from the site's editable list.
/// <see cref="IdentityOptional"/>: the notifier need not give a name and address (article 16(2)(c) exempts notices
/// about the offences of Directive 2011/93/EU, child sexual abuse material).
/// </summary>
public sealed partial record NoticeCategory(string Code, string Label, bool IdentityOptional = false)
{
    public const int MaxCodeLength = 64;
    public const int MaxLabelLength = 100;
    public const int MaxCategories = 50;

    /// <summary>What a new site starts with; the sentences readers see for these codes are in the reader text catalogue.</summary>
    public static readonly IReadOnlyList<NoticeCategory> Defaults =
    [
        new("hate_speech", "Illegal hate speech or incitement to violence"),
        new("terrorist_content", "Terrorist content"),
        new("child_sexual_abuse", "Child sexual abuse material", IdentityOptional: true),
        new("defamation", "Defamation or insult"),
        new("privacy_violation", "Violation of privacy or data protection"),
        new("intellectual_property", "Infringement of intellectual property"),
        new("illegal_goods_or_services", "Illegal goods or services"),
        new("other", "Other illegal content"),
    ];

    /// <summary>The catalogue key of a default code's sentence, e.g. <c>notice.category.hate_speech</c>.</summary>
    public static string TextKey(string code) => $"notice.category.{code}";

    public static IEnumerable<string> Validate(IReadOnlyList<NoticeCategory>? categories)
    {
        if (categories is not { Count: > 0 and <= MaxCategories })
        {
            yield return $"NoticeCategories must hold 1 to {MaxCategories} categories.";
            yield break;
        }
        foreach (var category in categories)
        {
            if (category?.Code is not { } code || !CodeShape().IsMatch(code))
            {
                yield return $"Each notice category needs a code of 1 to {MaxCodeLength} lower-case letters, digits and underscores.";
            }
            else if (string.IsNullOrWhiteSpace(category.Label) || category.Label.Length > MaxLabelLength || category.Label.Any(char.IsControl))
            {
                yield return $"Notice category {code} needs a label of 1 to {MaxLabelLength} characters without control characters.";
            }
        }
        if (categories.Where(c => c?.Code is not null).GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return $"Notice category {twice.Key} is listed twice.";
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex CodeShape();
}
