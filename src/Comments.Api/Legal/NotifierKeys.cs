using System.Security.Cryptography;
using System.Text;

namespace Comments.Api.Legal;

/// <summary>
/// Who sent a notice, for article 23: a signed-in notifier by user id, an anonymous one by a hash of their normalised
/// address, so that "Name@Example.org ", "name@example.org" and "name+x@example.org" are one notifier and a
/// suspension cannot be stepped round by spelling the address differently.
/// </summary>
public static class NotifierKeys
{
    public static string ForUser(string userId) => $"user:{userId}";

    public static string ForEmail(string email) =>
        $"email:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"legal-notifier:{Normalise(email)}")))}";

    /// <summary>Every key a notifier is known by: the user id when signed in, and the address when one is given.</summary>
    public static IReadOnlyList<string> All(string? userId, string? email) =>
        [.. new[] { userId is null ? null : ForUser(userId), email is null ? null : ForEmail(email) }.OfType<string>()];

    /// <summary>Compatibility-normalised, without white space or invisible characters, lower case, without a "+tag" (RFC 5233 sub-address).</summary>
    public static string Normalise(string email)
    {
        var plain = new string([.. email.Normalize(NormalizationForm.FormKC)
            .Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)])
            .ToLowerInvariant();
        var at = plain.LastIndexOf('@');
        if (at <= 0)
        {
            return plain;
        }
        var local = plain[..at];
        var plus = local.IndexOf('+');
        return (plus > 0 ? local[..plus] : local) + plain[at..].TrimEnd('.');
    }
}
