using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace Comments.Moderation.Notifications;

/// <summary>
/// The token of an unsubscribe link: the reader's id and an expiry, signed with HMAC-SHA256 under
/// <see cref="NotificationOptions.UnsubscribeKey"/>. A key in configuration rather than ASP.NET Core Data Protection:
/// the worker makes the links and the API checks them, and the two share no key ring.
/// </summary>
public static class UnsubscribeToken
{
    public static string Create(string userId, DateTimeOffset expires, string key)
    {
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{expires.ToUnixTimeSeconds()}:{userId}"));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload, key))}";
    }

    /// <summary>The reader the token was made for, when its signature is right and it has not expired.</summary>
    public static bool TryRead(string? token, DateTimeOffset now, string? key, out string userId)
    {
        userId = "";
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
        var text = System.Text.Encoding.UTF8.GetString(payload);
        var colon = text.IndexOf(':');
        if (colon < 1 || !long.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, DateTimeOffset.MaxValue.ToUnixTimeSeconds())) <= now || colon == text.Length - 1)
        {
            return false;
        }
        userId = text[(colon + 1)..];
        return true;
    }

    private static byte[] Sign(byte[] payload, string key) => HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), payload);
}
