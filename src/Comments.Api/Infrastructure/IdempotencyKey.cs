using System.Security.Cryptography;
using System.Text;

namespace Comments.Api.Infrastructure;

/// <summary>
/// The optional <c>Idempotency-Key</c> header: the comment's id is derived from site, author and key, so every retry
/// names the same comment and it is stored and decided once.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 64;

    /// <summary>Null without the header; an error message when the header is there but unusable.</summary>
    public static (string? Key, string? Error) Read(HttpRequest request)
    {
        var values = request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return (null, null);
        }
        var key = values.Count == 1 ? values[0] : null;
        var usable = !string.IsNullOrEmpty(key) && key.Length <= MaxLength && key.All(c => c is > ' ' and <= '~');
        return usable ? (key, null) : (null, $"{HeaderName} must be one value of 1 to {MaxLength} visible ASCII characters.");
    }

    /// <summary>A name-based UUID (version 8, from SHA-256): the same site, author and key always give the same id.</summary>
    public static Guid CommentIdFor(string siteId, string authorId, string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{siteId}\n{authorId}\n{key}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
