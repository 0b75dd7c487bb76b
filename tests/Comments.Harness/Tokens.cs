using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Harness;

/// <summary>Signs readers' and the admin's tokens with the key the API of this run was started with.</summary>
public sealed class Tokens(string signingKey)
{
    public const string Issuer = "comments-dev";
    public const string Audience = "comments";
    private readonly ConcurrentDictionary<string, string> _issued = new();

    public string For(string userId, string role) => _issued.GetOrAdd($"{userId}/{role}", _ =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("name", userId), new Claim("role", role)]),
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        }));
}
