using System.Buffers.Text;
using System.Text;

namespace Comments.Api.Comments;

/// <summary>
/// The opaque position in a newest-first listing: the last item's creation time (microseconds, as PostgreSQL
/// stores it) and id. Clients pass it back unchanged; anything that does not decode is a 400.
/// </summary>
public sealed record ListingCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const int MaxEncodedLength = 128;

    public string Encode()
    {
        var microseconds = (CreatedAt.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{microseconds}:{Id:N}"));
    }

    public static bool TryDecode(string? text, out ListingCursor? cursor)
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
        if (parts.Length != 2 || !long.TryParse(parts[0], out var microseconds) || !Guid.TryParseExact(parts[1], "N", out var id)
            || microseconds < 0 || microseconds > (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10)
        {
            return false;
        }
        cursor = new ListingCursor(DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10), id);
        return true;
    }
}
