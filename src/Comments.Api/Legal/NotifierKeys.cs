using System.Net;
using System.Security.Cryptography;
using System.Text;
using Comments.Api.Auth;
using Comments.Api.Live;
using Microsoft.Extensions.Options;

namespace Comments.Api.Legal;

/// <summary>
/// Who sent a notice, for article 23 and the daily cap: a signed-in notifier by user id; an anonymous one by an
/// HMAC-SHA256 of their normalised address ("Name@Example.org ", "name@example.org" and "name+x@example.org" are one
/// notifier, so a suspension cannot be stepped round by spelling the address differently); one who gave no address by
/// their client network (IPv4 /24, IPv6 /64). Keyed with a server secret so a key cannot be reversed by guessing.
/// </summary>
public sealed class NotifierKeys(IOptions<LegalNoticeOptions> legal, IOptions<AuthOptions> auth)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(legal.Value.NotifierKeySecret ?? auth.Value.SigningKey);

    public static string ForUser(string userId) => $"user:{userId}";

    public string ForEmail(string email) => $"email:{Hash($"legal-notifier:{Normalise(email)}")}";

    /// <summary>
    /// The client's network, as the live streams count clients. None when the address is unknown or loopback: that is a
    /// local proxy (or a test host), not a reader, and keying on it would put every anonymous notifier under one cap.
    /// </summary>
    public string? ForClient(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address) ? null : $"client:{Hash($"legal-client:{Network(address)}")}";

    /// <summary>Every key a notifier is known by: the user id when signed in, the address when one is given, else their network.</summary>
    public IReadOnlyList<string> All(string? userId, string? email, IPAddress? client) =>
        userId is null && email is null
            ? [.. new[] { ForClient(client) }.OfType<string>()]
            : [.. new[] { userId is null ? null : ForUser(userId), email is null ? null : ForEmail(email) }.OfType<string>()];

    /// <summary>Every key a notice's notifier is known by: the one it was filed under and their address (so signing out does not step round a suspension).</summary>
    public IReadOnlyList<string> Of(Storage.Legal.LegalNotice notice) =>
        [.. new[] { notice.NotifierKey, notice.NotifierEmail is { } email ? ForEmail(email) : null }.OfType<string>().Distinct()];

    private string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(value)));

    /// <summary>An IPv6 client is its /64 (<see cref="LiveClient"/>); an IPv4 one its /24, as one household or office behind one router.</summary>
    private static string Network(IPAddress address)
    {
        var key = LiveClient.KeyOf(address);
        if (!IPAddress.TryParse(key, out var v4) || v4.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return key;
        }
        var bytes = v4.GetAddressBytes();
        bytes[3] = 0;
        return $"{new IPAddress(bytes)}/24";
    }

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
