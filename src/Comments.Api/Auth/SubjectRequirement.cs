using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Comments.Api.Auth;

/// <summary>
/// A token that names nobody (no <c>sub</c>) is no sign-in: it is refused as an invalid token (401) on every endpoint,
/// so that no endpoint, the staff ones included, acts for an unnamed holder or records an empty moderator.
/// </summary>
internal static class SubjectRequirement
{
    public static Task RejectTokenWithoutSubject(TokenValidatedContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Principal?.UserId()))
        {
            context.Fail("The token names no subject (sub).");
        }
        return Task.CompletedTask;
    }
}
