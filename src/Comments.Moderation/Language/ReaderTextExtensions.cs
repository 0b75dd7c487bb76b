using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Comments.Moderation.Language;

public static partial class ReaderTextExtensions
{
    /// <summary>The sentence for <paramref name="key"/> in the current UI culture, its <c>{name}</c> placeholders filled.</summary>
    public static string Say(this IStringLocalizer text, string key, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        var sentence = text[key].Value;
        if (values.IsEmpty)
        {
            return sentence;
        }
        var named = new Dictionary<string, string>(values.Length);
        foreach (var (name, value) in values)
        {
            named[name] = Convert.ToString(value, CultureInfo.CurrentCulture) ?? "";
        }
        return Placeholder().Replace(sentence, match => named.GetValueOrDefault(match.Groups[1].Value, match.Value));
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
