using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The opaque position in a listing: the last item's reply count (for most_replied), time (microseconds, as
/// PostgreSQL stores it: creation, or featuring for featured), id and score (for best, written so that it reads back
/// bit for bit), tagged with the sort it belongs to. Clients pass it back unchanged; anything that does not decode, or
/// belongs to another sort, is a 400.
/// </summary>
public sealed record ListingCursor(string Sort, int ReplyCount, DateTimeOffset CreatedAt, Guid Id, double Score = 0)
{
    private const int MaxEncodedLength = 160;
    private static readonly long MaxMicroseconds = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    public string Encode()
    {
        var microseconds = (CreatedAt.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Sort}:{ReplyCount}:{microseconds}:{Id:N}:{Score:R}")));
    }

    public static bool TryDecode(string? text, string sort, out ListingCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (text.Length > MaxEncodedLength || !Base64Url.IsValid(text))
        {
            return false;
        }
        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
        // Four parts: a cursor issued before scores were added, still good for its sort.
        var score = 0d;
        if (parts.Length is not (4 or 5) || parts[0] != sort
            || !int.TryParse(parts[1], out var replies) || replies < 0
            || !long.TryParse(parts[2], out var microseconds) || microseconds < 0 || microseconds > MaxMicroseconds
            || !Guid.TryParseExact(parts[3], "N", out var id)
            || (parts.Length == 5 && (!double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out score) || !(score >= 0 && score <= 1))))
        {
            return false;
        }
        cursor = new ListingCursor(sort, replies, DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10), id, score);
        return true;
    }
}
