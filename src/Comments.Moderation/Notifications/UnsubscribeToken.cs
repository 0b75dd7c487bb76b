using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;


namespace Comments.Moderation.Notifications;

/// <summary>
/// The token of an unsubscribe link: the site, the reader's id and an expiry, signed with HMAC-SHA256 under
/// <see cref="NotificationOptions.UnsubscribeKey"/>. A key in configuration rather than ASP.NET Core Data Protection:
/// the worker makes the links and the API checks them, and the two share no key ring. The site is in it because a
/// user id names a person only within one site's sign-in.
/// </summary>
public static class UnsubscribeToken
{
    private const char Separator = '\n';

    public static string Create(string siteId, string userId, DateTimeOffset expires, string key)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{expires.ToUnixTimeSeconds()}{Separator}{siteId}{Separator}{userId}"));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload, key))}";
    }

    /// <summary>The reader the token was made for, when its signature is right and it has not expired.</summary>
    public static bool TryRead(string? token, DateTimeOffset now, string? key, out string siteId, out string userId)
    {
        (siteId, userId) = ("", "");
        var parts = (token ?? "").Split('.');
        if (key is null || token is not { Length: <= 1000 } || parts.Length != 2 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]))
        {
            return false;
        }
        var payload = Base64Url.DecodeFromChars(parts[0]);
        if (!CryptographicOperations.FixedTimeEquals(Sign(payload, key), Base64Url.DecodeFromChars(parts[1])))
        {
            return false;
        }
        var fields = System.Text.Encoding.UTF8.GetString(payload).Split(Separator, 3);
        if (fields.Length != 3 || fields[1].Length == 0 || fields[2].Length == 0
            || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, DateTimeOffset.MaxValue.ToUnixTimeSeconds())) <= now)
        {
            return false;
        }
        (siteId, userId) = (fields[1], fields[2]);
        return true;
    }

    private static byte[] Sign(byte[] payload, string key) => HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), payload);
}
