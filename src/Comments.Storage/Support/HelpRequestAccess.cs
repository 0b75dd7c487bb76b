using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Comments.Storage.Support;

/// <summary>
/// The access token an anonymous requester reads their request with: 256 random bits, only its SHA-256 stored, so
/// neither a reference nor an e-mail address nor a copy of the database is enough to read someone's request.
/// </summary>
public static class HelpRequestAccess
{
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool Matches(string? token, string? hash) =>
        token is { Length: > 0 and <= 100 } && hash is { Length: 64 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(hash));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The acknowledgement an anonymous requester gets: the only place besides the 202 that carries the token.</summary>
    public static OutgoingMail Acknowledgement(string to, string reference, string token, Guid helpRequestId, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        To = to,
        Subject = $"We have your help request {reference}",
        Body = $"""
            Thank you for writing to us. Your reference is {reference}.

            To follow your request, give this reference and this access code: {token}
            Keep the code to yourself: anyone who has it can read your request and our answers.
            """,
        HelpRequestId = helpRequestId,
        CreatedAt = at,
    };
}
