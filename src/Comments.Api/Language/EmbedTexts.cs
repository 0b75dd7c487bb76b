using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Comments.Moderation.Language;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Language;

/// <summary>The embed's sentences (the catalogue's <c>embed.*</c> keys) in one language, with the ETag of that answer.</summary>
public sealed record ReaderTexts(string Lang, IReadOnlyDictionary<string, string> Texts);

/// <summary>
/// The embed's sentences per language, read once from the catalogue (it changes only with a deployment) and kept
/// with an ETag so that browsers revalidate for a few bytes.
/// </summary>
public sealed class EmbedTexts(IStringLocalizer<ReaderText> text)
{
    private readonly ConcurrentDictionary<string, (ReaderTexts Texts, string ETag)> _byLanguage = new();

    /// <summary>In the current UI culture, which request localization has set to one of <see cref="ReaderText.Languages"/>.</summary>
    public (ReaderTexts Texts, string ETag) Current() => _byLanguage.GetOrAdd(CultureInfo.CurrentUICulture.Name, language =>
    {
        var texts = new ReaderTexts(language, text.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith(ReaderText.EmbedPrefix, StringComparison.Ordinal))
            .GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(texts)));
        return (texts, $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"");
    });
}
