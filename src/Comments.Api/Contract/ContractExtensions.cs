using System.Text.Json;
using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Comments.Api.Contract;

/// <summary>The published contract: the wire format, the OpenAPI document at /openapi/v1.json and a reference page for people at /scalar.</summary>
public static class ContractExtensions
{
    public static IHostApplicationBuilder AddContract(this IHostApplicationBuilder builder)
    {
        // Every closed vocabulary travels by its snake_case name (WireNames), never as a number.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)));
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
