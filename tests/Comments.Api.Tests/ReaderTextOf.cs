using System.Globalization;
using System.Resources;
using Comments.Moderation.Language;

namespace Comments.Api.Tests;

/// <summary>A catalogue sentence in a language, for browser tests that find the embed's controls by their names in that language.</summary>
public static class ReaderTextOf
{
    private static readonly ResourceManager Resources = new(typeof(ReaderText).FullName!, typeof(ReaderText).Assembly);

    public static string Get(string language, string key) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new InvalidOperationException($"{key} is not in the catalogue");
}
