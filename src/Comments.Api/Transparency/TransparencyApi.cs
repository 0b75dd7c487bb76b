using Comments.Api.Auth;
using Comments.Api.Moderation;
using Comments.Api.Replication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Comments.Api.Transparency;

/// <summary>
/// The Digital Services Act article 15 transparency report, for admins: JSON by default, CSV for <c>format=csv</c>
/// (or, without <c>format</c>, for <c>Accept: text/csv</c>).
/// </summary>
public static class TransparencyApi
{
    public static RouteGroupBuilder MapTransparencyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Transparency report").RequireAuthorization(Policies.Admin);
        api.MapGet("/transparency", GetReport);
        return api;
    }

    /// <param name="from">The first day, yyyy-MM-dd (UTC).</param>
    /// <param name="to">The last day, included, yyyy-MM-dd (UTC); at most 366 days after from.</param>
    /// <param name="format">json (the default) or csv.</param>
    public static async Task<Results<Ok<TransparencyReport>, FileContentHttpResult, ValidationProblem>> GetReport(
        string? from, string? to, string? siteId, string? format, HttpRequest request, PublicReads reads, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (SiteKey.Validate(siteId, out var site) is { } siteProblem)
        {
            return siteProblem;
        }
        if (ReportPeriod.Parse(from, to, out var errors) is not { } period)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (format is not (null or "json" or "csv"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be json or csv."] });
        }
        var report = await TransparencyFigures.CountAsync(reads.ForReports(), site, period, clock.GetUtcNow(), cancellationToken);
        if (format == "csv" || (format is null && WantsCsv(request)))
        {
            var name = $"transparency-{site}-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";
            return TypedResults.File(TransparencyCsv.Write(report), $"{TransparencyCsv.ContentType}; charset=utf-8", name);
        }
        return TypedResults.Ok(report);
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(TransparencyCsv.ContentType, StringComparison.OrdinalIgnoreCase));
}
