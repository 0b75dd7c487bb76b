using System.Globalization;

namespace Comments.Api.Live;

/// <summary>
/// An event's id, <c>{feed}.{sequence}</c>: the sequence counts an article's events in this instance's feed, and the
/// feed part names that feed, so an id from another instance, a restarted one or a feed that was let go never matches.
/// </summary>
public readonly record struct LiveEventId(string Feed, long Sequence)
{
    public override string ToString() => $"{Feed}.{Sequence.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? value, out LiveEventId id)
    {
        id = default;
        var dot = value?.LastIndexOf('.') ?? -1;
        if (value is null || dot <= 0 || value.Length > 64
            || !long.TryParse(value.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }
        id = new LiveEventId(value[..dot], sequence);
        return true;
    }
}
