using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Intake.Skeleton;

public static class SkeletonServices
{
    /// <summary>The largest user id the comments table holds (author_id), as the API's policy requires.</summary>
    private const int UserIdMaxLength = 200;

    /// <summary>The API's token validation for a shared key (Auth:SigningKey, Auth:Issuer, Auth:Audience), the broker and the database.</summary>
    public static IHostApplicationBuilder AddSkeletonServices(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = configuration["Auth:Issuer"],
                ValidAudience = configuration["Auth:Audience"],
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configuration["Auth:SigningKey"]!)),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = "name",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.FindFirst("sub")?.Value is { Length: > 0 and <= UserIdMaxLength })
            .Build());

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(configuration.GetConnectionString("Comments")!));
        // Started before the consumer and before the server takes requests (hosted services start in this order).
        builder.Services.AddSingleton<SkeletonBroker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SkeletonBroker>());
        builder.Services.AddHostedService<BatchStore>();
        return builder;
    }
}
