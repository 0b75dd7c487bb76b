using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Comments.Moderation.Language;
using Comments.Moderation.Reasons;
using Comments.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Comments.Api.Tests;

/// <summary>
/// Issue 20, "In the reader's language": the reader text catalogue is complete in every language, and every key the
/// reader scripts (<c>t("embed....")</c> in embed.js, count.js) or the C# code (<see cref="ReaderKeys"/>, the reason
/// codes) ask for is in it.
/// </summary>
public sealed partial class ReaderTextTests
{
    private static readonly ResourceManager Resources = new(typeof(ReaderText).FullName!, typeof(ReaderText).Assembly);

    /// <summary>The language's own entries only (no falling back to English), as key → sentence.</summary>
    private static Dictionary<string, string> Entries(string language) =>
        Resources.GetResourceSet(language == ReaderText.Languages[0] ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), true, false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static IEnumerable<string> CodeKeys() =>
        typeof(ReaderKeys).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(ReaderMessages.Codes.SelectMany(code => new[] { ReaderMessages.SystemKey(code), ReaderMessages.ModeratorKey(code) }));

    /// <summary>The scripts readers run, which name their sentences by key.</summary>
    private static readonly string[] ReaderScripts = ["embed.js", "count.js"];

    /// <summary>Every "embed.…" string in the reader scripts: the keys of <c>t("embed.post.button")</c> and the like.</summary>
    private static HashSet<string> EmbedKeys() =>
        [.. ReaderScripts.SelectMany(script => EmbedKey().Matches(File.ReadAllText(Path.Combine(TestServices.RepositoryRoot, "src", "Comments.Api", "wwwroot", script))))
            .Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""["'`](embed\.[A-Za-z0-9_.]+)["'`]""")]
    private static partial Regex EmbedKey();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_language_has_every_key_with_a_sentence_and_the_same_placeholders()
    {
        var english = Entries("en");
        Assert.True(english.Count > 100, $"the English catalogue has {english.Count} entries");
        foreach (var language in ReaderText.Languages.Skip(1))
        {
            var other = Entries(language);
            Assert.True(english.Keys.Except(other.Keys).ToList() is [], $"missing in {language}: {string.Join(", ", english.Keys.Except(other.Keys))}");
            Assert.True(other.Keys.Except(english.Keys).ToList() is [], $"only in {language}: {string.Join(", ", other.Keys.Except(english.Keys))}");
            Assert.All(english, entry =>
            {
                Assert.False(string.IsNullOrWhiteSpace(other[entry.Key]), $"{entry.Key} is empty in {language}");
                Assert.Equal(Placeholders(entry.Value), Placeholders(other[entry.Key]));
            });
        }
        Assert.All(english, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{entry.Key} is empty in English"));
    }

    private static string[] Placeholders(string sentence) => [.. Placeholder().Matches(sentence).Select(m => m.Groups[1].Value).Order()];

    [Fact]
    public void Every_key_the_reader_scripts_ask_for_is_in_the_catalogue_and_every_embed_sentence_is_used()
    {
        var used = EmbedKeys();
        var catalogue = Entries("en").Keys.ToHashSet();
        Assert.True(used.Count > 50, $"found {used.Count} keys in the reader scripts");
        Assert.True(used.Except(catalogue).ToList() is [], $"the reader scripts ask for keys not in the catalogue: {string.Join(", ", used.Except(catalogue))}");
        var unused = catalogue.Where(k => k.StartsWith(ReaderText.EmbedPrefix, StringComparison.Ordinal)).Except(used).ToList();
        Assert.True(unused is [], $"embed sentences nothing uses: {string.Join(", ", unused)}");
    }

    [Fact]
    public void Every_key_the_api_asks_for_is_in_the_catalogue()
    {
        var catalogue = Entries("en").Keys.ToHashSet();
        var missing = CodeKeys().Where(key => !catalogue.Contains(key)).ToList();
        Assert.True(missing is [], $"keys the C# code uses but the catalogue lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_localizer_registered_as_the_hosts_do_finds_the_german_and_the_english_sentences()
    {
        var text = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<ReaderText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-AT");
            var german = text["embed.post.button"];
            Assert.False(german.ResourceNotFound, $"looked in {german.SearchedLocation}");
            Assert.Equal("Senden", german.Value);
            Assert.Equal("Ihr Konto ist bis 2026-12-24 18:00 UTC gesperrt.", text.Say(ReaderKeys.SuspendedUntil, ("until", "2026-12-24 18:00")));

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            Assert.Equal("Post", text["embed.post.button"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
