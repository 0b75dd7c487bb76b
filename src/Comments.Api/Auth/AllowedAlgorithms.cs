using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Auth;

/// <summary>
/// The signature algorithms a deployment accepts, as an explicit list: <c>none</c> is never on it, HS256 only with a
/// shared key, RS256 and ES256 only with published keys.
/// </summary>
internal static class AllowedAlgorithms
{
    private static readonly string[] Shared = [SecurityAlgorithms.HmacSha256];
    private static readonly string[] Published = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    public static IReadOnlyList<string> For(AuthOptions options) =>
        [.. options.HasSharedKey ? Shared : [], .. options.PublishedKeys != PublishedKeySource.None ? Published : []];
}
