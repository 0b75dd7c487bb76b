using Comments.Api.Infrastructure;
using System.Globalization;
using System.Threading.RateLimiting;
using Comments.Api.Auth;
using Comments.Api.Observability;
using Comments.Moderation.Language;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comments.Api.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>
    /// ASP.NET Core's rate limiter, partitioned by the signed-in user (by IP for anonymous callers), so one busy
    /// reader never slows another. Over the limit: 429 with Retry-After, as ProblemDetails.
    /// </summary>
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteProblemAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsIntake(http)
                ? RateLimitPartition.GetConcurrencyLimiter("intake", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Options(http).IntakeConcurrency,
                    QueueLimit = Options(http).IntakeQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("other"));
            limiter.AddPolicy(RateLimitPolicies.Posting, http => RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ =>
            {
                var options = Options(http);
                return new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.PostingBurst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(options.PostingRefillSeconds),
                    QueueLimit = 0,
                };
            }));
            limiter.AddPolicy(RateLimitPolicies.Reports, http =>
                Window(http, options => (options.ReportsPerWindow, options.ReportsWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.Reactions, http =>
                Window(http, options => (options.ReactionsPerWindow, options.ReactionsWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.HelpRequests, http =>
                Window(http, options => (options.HelpRequestsPerWindow, options.HelpRequestsWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.HelpPreviews, http =>
                Window(http, options => (options.HelpPreviewsPerWindow, options.HelpPreviewsWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.HelpRequestLookups, http =>
                Window(http, options => (options.HelpRequestLookupsPerWindow, options.HelpRequestLookupsWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.DraftChecks, http =>
                Window(http, options => (options.DraftChecksPerWindow, options.DraftChecksWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.Notices, http =>
                Window(http, options => (options.NoticesPerWindow, options.NoticesWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.DataExports, http =>
                Window(http, options => (options.DataExportsPerWindow, options.DataExportsWindowSeconds)));
            limiter.AddPolicy(RateLimitPolicies.LiveOpens, http =>
                Window(http, options => (options.LiveOpensPerWindow, options.LiveOpensWindowSeconds)));
        });
        return builder;
    }

    private static bool IsIntake(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is RateLimitPolicies.Posting or RateLimitPolicies.HelpRequests;

    private static RateLimitOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> Window(HttpContext http, Func<RateLimitOptions, (int Permits, int Seconds)> pick) =>
        RateLimitPartition.GetFixedWindowLimiter(PartitionKey(http), _ =>
        {
            var (permits, seconds) = pick(Options(http));
            return new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds), QueueLimit = 0 };
        });

    /// <summary>The user id when signed in; the client's address otherwise (from X-Forwarded-For only when a known proxy sent it).</summary>
    private static string PartitionKey(HttpContext http) =>
        http.User.UserId() is { } user ? $"user:{user}" : $"ip:{http.Connection.RemoteIpAddress}";

    private static async ValueTask WriteProblemAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<ReaderText>>();
        // The per-user limits (token bucket, fixed window) say when to come back; the instance-wide concurrency
        // limit does not, and its refusal is the server's overload, not the caller's fault: 503.
        if (!context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.RequestServices.GetRequiredService<IntakeMetrics>().Shed();
            await WriteAsync(http, StatusCodes.Status503ServiceUnavailable, text[ReaderKeys.OverloadTitle],
                http.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.RetryAfterSeconds, text[ReaderKeys.OverloadDetail]);
            return;
        }
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.Posting)
        {
            await http.RequestServices.GetRequiredService<PostRefusals>().RecordAsync(http.User.UserId(), "rate_limit", $"retry after {seconds} s");
        }
        await WriteAsync(http, StatusCodes.Status429TooManyRequests, text[ReaderKeys.RateLimitTitle], seconds, text.Say(ReaderKeys.RateLimitDetail, ("seconds", seconds)));
    }

    private static async Task WriteAsync(HttpContext http, int status, string title, int retryAfterSeconds, string detail)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
