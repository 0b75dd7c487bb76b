using Scalar.AspNetCore;

namespace Comments.Api.Contract;

/// <summary>The published contract: the OpenAPI document at /openapi/v1.json and a reference page for people at /scalar.</summary>
public static class ContractExtensions
{
    public static IHostApplicationBuilder AddContract(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
        });
        return builder;
    }

    public static WebApplication MapContract(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
