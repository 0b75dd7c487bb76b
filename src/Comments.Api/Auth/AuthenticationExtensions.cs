using System.Text;
using Comments.Storage.Comments;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Comments.Api.Auth;

public static class AuthenticationExtensions
{
    public static IHostApplicationBuilder AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    // Published keys are added per request from the ConfigurationManager (PublishedKeysSetup).
                    IssuerSigningKey = auth.Value.HasSharedKey ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.Value.SigningKey)) : null,
                    ValidAlgorithms = AllowedAlgorithms.For(auth.Value),
                    NameClaimType = ClaimsPrincipalExtensions.NameClaim,
                    RoleClaimType = ClaimsPrincipalExtensions.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = SubjectRequirement.RejectTokenWithoutSubject };
            });
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, PublishedKeysSetup>();

        // Every policy needs a user id: staff actions are audited under it, and a token without sub names nobody.
        static AuthorizationPolicyBuilder Someone(AuthorizationPolicyBuilder policy) => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.UserId() is { Length: > 0 and <= CommentConfiguration.AuthorIdMaxLength });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Commenter, policy => Someone(policy))
            .AddPolicy(Policies.Moderator, policy => Someone(policy).RequireRole(Roles.Moderator, Roles.Admin))
            .AddPolicy(Policies.Support, policy => Someone(policy).RequireRole(Roles.Support, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => Someone(policy).RequireRole(Roles.Admin));
        return builder;
    }
}
