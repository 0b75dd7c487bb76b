using Comments.Api.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Comments.Api.Errors;

/// <summary>
/// Turns the exceptions we know into RFC 9457 answers: bad requests keep their 4xx status with the reason, an
/// unreachable broker or database is a 503 with Retry-After. Anything else falls through to the default 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IOptions<IntakeOptions> intake) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad && BodyValueErrors.From(context, bad) is { } errors)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(errors)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    Title = "One or more validation errors occurred.",
                },
            });
        }
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException badRequest => (badRequest.StatusCode, TitleFor(badRequest.StatusCode), badRequest.Message),
            BrokerUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                "Comments cannot be accepted right now; please try again shortly. If your comment appears in the meantime, it did arrive after all."),
            NpgsqlException { IsTransient: true } or InvalidOperationException { InnerException: NpgsqlException { IsTransient: true } }
                => (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "Comments cannot be read right now; please try again shortly."),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return false;
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = intake.Value.RetryAfterSeconds.ToString();
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
