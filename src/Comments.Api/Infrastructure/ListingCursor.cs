using System.Buffers.Text;
using System.Text;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The opaque position in a listing: the last item's reply count (for most_replied), creation time (microseconds,
/// as PostgreSQL stores it) and id, tagged with the sort it belongs to. Clients pass it back unchanged; anything
/// that does not decode, or belongs to another sort, is a 400.
/// </summary>
public sealed record ListingCursor(string Sort, int ReplyCount, DateTimeOffset CreatedAt, Guid Id)
{
    private const int MaxEncodedLength = 160;
    private static readonly long MaxMicroseconds = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    public string Encode()
    {
        var microseconds = (CreatedAt.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{Sort}:{ReplyCount}:{microseconds}:{Id:N}"));
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
        if (parts.Length != 4 || parts[0] != sort
            || !int.TryParse(parts[1], out var replies) || replies < 0
            || !long.TryParse(parts[2], out var microseconds) || microseconds < 0 || microseconds > MaxMicroseconds
            || !Guid.TryParseExact(parts[3], "N", out var id))
        {
            return false;
        }
        cursor = new ListingCursor(sort, replies, DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10), id);
        return true;
    }
}
