using System.Collections;
using System.Globalization;

namespace Comments.Api.Tests.ConfigurationDoc;

/// <summary>How docs/configuration.md writes a default: null stands for its "none" (no value, empty text, empty list).</summary>
internal static class SettingValue
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        bool flag => flag ? "true" : "false",
        TimeSpan span => Format(span),
        IEnumerable items => items.Cast<object?>().Select(Format).ToList() is { Count: > 0 } list ? string.Join(", ", list) : null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary><c>hh:mm:ss</c>, with days and milliseconds only when there are any (00:00:00.200, 1.00:00:00).</summary>
    private static string Format(TimeSpan span) => span.ToString(
        (span.Days > 0 ? @"d\." : "") + @"hh\:mm\:ss" + (span.Ticks % TimeSpan.TicksPerSecond != 0 ? @"\.fff" : ""),
        CultureInfo.InvariantCulture);
}
