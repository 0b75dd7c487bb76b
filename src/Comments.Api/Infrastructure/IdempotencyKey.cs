using System.Security.Cryptography;
using System.Text;

namespace Comments.Api.Comments;

/// <summary>
/// The optional <c>Idempotency-Key</c> request header on posting a comment: a value the client makes up once per
/// comment and sends again when it retries (after a 503, a timeout or a lost connection). The comment's id is derived
/// from the site, the author and the key, so every attempt names the same comment: the worker stores and decides it
/// once however many attempts reached the broker, and an attempt after one that was stored is answered with that
/// comment. Without the header every post is a new comment.
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
