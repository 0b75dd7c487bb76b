using System.Security.Claims;
using Comments.Storage.Comments;

namespace Comments.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    public const string SubjectClaim = "sub";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(SubjectClaim);

    public static IReadOnlyList<string> Roles(this ClaimsPrincipal user) => [.. user.FindAll(RoleClaim).Select(c => c.Value)];

    /// <summary>The name shown beside the comment: the <c>name</c> claim, else the user id, cut to the column size.</summary>
    public static string DisplayName(this ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(NameClaim)?.Trim();
        name = string.IsNullOrEmpty(name) ? user.UserId() ?? "" : name;
        return name.Length <= CommentConfiguration.AuthorNameMaxLength ? name : name[..CommentConfiguration.AuthorNameMaxLength];
    }
}
