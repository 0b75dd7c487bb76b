using System.Globalization;
using Comments.Api.Infrastructure.Validation;

namespace Comments.Api.Moderation;

public sealed record UserActionRequest([property: Text(0, 500)] string? Reason, string? Duration, bool RejectComments = false);

/// <summary>Suspension lengths: the presets 1h, 3h, 24h, 7d, or a custom number of minutes, hours or days ("90m", "2d").</summary>
public static class SuspensionDurations
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2
            || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }
        var span = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => (TimeSpan?)null,
        };
        return span is { } s && s <= TimeSpan.FromDays(3650) ? s : null;
    }
}
