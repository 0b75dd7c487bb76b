using System.Globalization;
using Comments.Moderation.Language;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Moderation.Worker.Tests;

/// <summary>The reader text catalogue as the hosts read it (AddLocalization, no ResourcesPath; the hosts add logging).</summary>
internal static class ReaderTextIn
{
    private static readonly IStringLocalizer<ReaderText> Localizer =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<ReaderText>>();

    /// <summary>The localizer, with this test's UI culture set to English (the catalogue's neutral language).</summary>
    public static IStringLocalizer<ReaderText> English()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        return Localizer;
    }
}
