using Comments.Api.Auth;
using System.ComponentModel.DataAnnotations;
using Comments.Api.Infrastructure;
using Comments.Contracts;
using Comments.ServiceDefaults.Broker;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comments.Api.Operations;

/// <summary>
/// For admins running the system: the messages that failed every retry and wait in the error queues, and replaying
/// one once its cause is fixed.
/// </summary>
public static class OperationsApi
{
    public const int MaxListed = 500;
    private static readonly string[] Queues = [QueueNames.ModerateComment, QueueNames.TriageHelpRequest];

    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/ops").WithTags("Operations").RequireAuthorization(Policies.Admin);
        api.MapGet("/errors", ListErrors);
        api.MapPost("/errors/{id}/replay", Replay);
        return api;
    }

    public static async Task<Results<Ok<FailedMessages>, ValidationProblem>> ListErrors(
        [Range(1, MaxListed, ErrorMessage = "limit must be between 1 and {2}.")] int? limit, ErrorQueues errors, CancellationToken cancellationToken)
    {
        var take = limit ?? 100;
        var items = await BrokerCall(() => errors.ListAsync(Queues, take, cancellationToken));
        return TypedResults.Ok(new FailedMessages(items));
    }

    public static async Task<Results<Ok<FailedMessage>, ValidationProblem, ProblemHttpResult>> Replay(
        string id, ErrorQueues errors, ILogger<ErrorQueues> logger, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["id must be the message id listed by GET /api/ops/errors."] });
        }
        if (await BrokerCall(() => errors.ReplayAsync(Queues, id, cancellationToken)) is not { } replayed)
        {
            return TypedResults.Problem(title: "No such failed message", statusCode: StatusCodes.Status404NotFound,
                detail: "No error queue holds a message with this id (it may have been replayed already).");
        }
        logger.LogInformation("Admin {UserId} replayed message {MessageId} from {Queue}", http.User.UserId(), id, replayed.Queue);
        return TypedResults.Ok(replayed);
    }

    /// <summary>A broker that cannot be reached is a 503 with Retry-After, as for intake.</summary>
    private static async Task<T> BrokerCall<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or System.Net.Sockets.SocketException or IOException)
        {
            throw new BrokerUnavailableException(exception);
        }
    }
}

public sealed record FailedMessages(IReadOnlyList<FailedMessage> Items);
