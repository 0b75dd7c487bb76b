using System.Globalization;

namespace Comments.Api.Transparency;

/// <summary>
/// The report's period: whole UTC days from <see cref="From"/> through <see cref="To"/>, both included, so the
/// instants are [From 00:00 UTC, the day after To 00:00 UTC). Every figure is "as at the end of the period".
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>A calendar year, leap years included: article 15 asks for a report at least once a year.</summary>
    public const int MaxDays = 366;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The period, or the errors to answer with (by parameter name).</summary>
    public static ReportPeriod? Parse(string? from, string? to, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var start = ParseDate(from, "from", errors);
        var end = ParseDate(to, "to", errors);
        if (start is not { } first || end is not { } last)
        {
            return null;
        }
        if (first > last)
        {
            errors["from"] = ["from must be on or before to."];
        }
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            errors["to"] = [$"The period can be at most {MaxDays} days long."];
        }
        return errors.Count == 0 ? new ReportPeriod(first, last) : null;
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and < 9999)
        {
            return date;
        }
        errors[name] = [$"{name} is required: a date such as 2026-01-31 (UTC), from the year 2000 to 9998."];
        return null;
    }
}
