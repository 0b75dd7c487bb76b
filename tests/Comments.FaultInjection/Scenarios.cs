using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comments.Contracts;
using Comments.Harness;
using Npgsql;

namespace Comments.FaultInjection;

/// <summary>
/// The faults of issue 8, each under the same steady load, with every API and worker of the stack (two of each by
/// default): worker-kill and api-kill kill all instances of their kind at once, the worst case; api-and-worker-kill
/// kills one of each. And the run command's supervision.
/// </summary>
public sealed class Scenarios(
    ScenarioRunner runner, Stack stack, Load load, Services services, Broker broker, HttpClient http, Tokens tokens, NpgsqlDataSource database, RunScriptScenario runScript)
{
    public static readonly string[] Names = ["baseline", "worker-kill", "rabbitmq-restart", "postgres-stop", "poison-message", "api-kill", "api-and-worker-kill", "replica", "run-script"];

    public Task<ScenarioResult> RunAsync(string name) => name switch
    {
        "baseline" => BaselineAsync(),
        "worker-kill" => WorkerKillAsync(),
        "rabbitmq-restart" => RabbitMqRestartAsync(),
        "postgres-stop" => PostgresStopAsync(),
        "poison-message" => PoisonMessageAsync(),
        "api-kill" => ApiKillAsync(),
        "api-and-worker-kill" => ApiAndWorkerKillAsync(),
        "replica" => new ReplicaScenario(runner, http, database).RunAsync(),
        "run-script" => runScript.RunAsync(),
        _ when ClusterScenarios.Names.Contains(name) => new ClusterScenarios(runner, services).RunAsync(name),
        _ => throw new ArgumentException($"unknown scenario {name}; known: {string.Join(", ", Names)}"),
    };

    /// <summary>The same load with no fault: what the others are compared to.</summary>
    private Task<ScenarioResult> BaselineAsync() => runner.RunAsync(
        "baseline", "none", () => Task.CompletedTask, faultAt: 0,
        (attempts, _) => Task.FromResult(ScenarioRunner.OnlyStatuses(attempts, 202)));

    private Task<ScenarioResult> WorkerKillAsync() => runner.RunAsync(
        "worker-kill", "SIGKILL every worker at once at 40% of the load, start them again 2 s later",
        async () =>
        {
            await stack.KillAsync([.. stack.Workers]);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stack.RestartAsync([.. stack.Workers]);
        },
        faultAt: 0.4,
        (attempts, _) => Task.FromResult(ScenarioRunner.OnlyStatuses(attempts, 202)));

    private Task<ScenarioResult> RabbitMqRestartAsync() => runner.RunAsync(
        "rabbitmq-restart", "stop RabbitMQ at 20% of a load twice as long (a graceful stop takes 15-20 s under load) and start it again",
        async () =>
        {
            await services.StopRabbitMqAsync();
            await services.StartRabbitMqAsync();
        },
        faultAt: 0.2,
        (attempts, _) => Task.FromResult(ScenarioRunner.OnlyStatuses(attempts, 202, 503)),
        loadFactor: 2);

    private Task<ScenarioResult> PostgresStopAsync() => runner.RunAsync(
        "postgres-stop", "stop PostgreSQL at 20% of the load for 30 s",
        async () =>
        {
            await services.StopPostgresAsync();
            NpgsqlConnection.ClearAllPools();
            await Task.Delay(TimeSpan.FromSeconds(30));
            await services.StartPostgresAsync();
        },
        faultAt: 0.2,
        (attempts, _) => Task.FromResult(ScenarioRunner.OnlyStatuses(attempts, 202)));

    private Task<ScenarioResult> ApiKillAsync() => runner.RunAsync(
        "api-kill", "SIGKILL every API at once at 50% of the load, mid-request, and start them again",
        async () =>
        {
            await stack.KillAsync([.. stack.Apis]);
            await stack.RestartAsync([.. stack.Apis]);
        },
        faultAt: 0.5,
        (attempts, _) => Task.FromResult<IReadOnlyList<(string, bool)>>(
            [("some requests were cut off by the kill", attempts.Any(a => a.Status == 0))]));

    /// <summary>
    /// One API and one worker die together; the others carry the load. Only requests in flight at the killed API may go
    /// unanswered, sent before it was gone: the balancer sends the rest to the API still up (a refused connection moves on).
    /// </summary>
    private Task<ScenarioResult> ApiAndWorkerKillAsync()
    {
        var goneAt = TimeSpan.MaxValue;
        return runner.RunAsync(
            "api-and-worker-kill", "SIGKILL one of the APIs and one of the workers at the same moment at 50% of the load, start them again 2 s later",
            async () =>
            {
                var (api, worker) = (stack.Apis[^1], stack.Workers[^1]);
                await stack.KillAsync(api, worker);
                goneAt = load.Elapsed;
                await Task.Delay(TimeSpan.FromSeconds(2));
                await stack.RestartAsync(worker, api);
            },
            faultAt: 0.5,
            (attempts, _) =>
            {
                var late = attempts.Count(a => a.Status == 0 && a.SentAt > goneAt);
                return Task.FromResult<IReadOnlyList<(string, bool)>>(
                [
                    .. ScenarioRunner.OnlyStatuses(attempts, 202, 0),
                    ($"only requests in flight at the killed API went unanswered ({attempts.Count(a => a.Status == 0)} did; {late} sent after it was gone)", late == 0),
                ]);
            });
    }

    /// <summary>
    /// The poison: an edit (revision 2) of a comment whose original never arrived. The worker cannot apply it, so
    /// after its bounded retries it waits in moderate-comment_error. The fix: the original arrives; then a replay
    /// through <c>POST /api/ops/errors/{id}/replay</c> decides the edit.
    /// </summary>
    private async Task<ScenarioResult> PoisonMessageAsync()
    {
        var messageId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var original = new CommentSubmitted
        {
            CommentId = Guid.CreateVersion7(),
            ArticleId = $"fault-poison-{now:HHmmss}",
            AuthorId = "fault-reader-poison",
            AuthorName = "Out of order",
            Body = "The first version, sent after its own edit.",
            SubmittedAt = now.AddTicks(-(now.Ticks % 10)),
        };
        var edit = original with { Revision = 2, Body = "The edit that arrived before the comment." };
        return await runner.RunAsync(
            "poison-message", "send an edit of a comment that does not exist yet at 30% of the load (retries: 3, at most 1 s apart)",
            () => broker.SendAsync(edit, messageId),
            faultAt: 0.3,
            async (_, _) =>
            {
                var admin = tokens.For("fault-admin", "admin");
                var listed = await WaitListedAsync(admin, messageId);
                await broker.SendAsync(original, Guid.NewGuid());
                var replay = await SendAsync(HttpMethod.Post, $"/api/ops/errors/{messageId}/replay", admin);
                var decided = await WaitDecidedAsync(original.CommentId, revision: 2);
                var gone = await WaitListedAsync(admin, messageId, TimeSpan.Zero) is null;
                return
                [
                    ("the poison message is listed by GET /api/ops/errors", listed is not null),
                    ($"it failed with the consumer's exception ({listed?.GetProperty("exceptionType").GetString()})", listed?.GetProperty("exceptionType").GetString()?.Contains("InvalidOperationException") == true),
                    ($"POST /api/ops/errors/{{id}}/replay answered {(int)replay}", replay == HttpStatusCode.OK),
                    ("after the original arrived, the replayed edit was decided exactly once", decided),
                    ("the replayed message left the error queue", gone),
                ];
            },
            new Dictionary<string, string> { ["Consumers__RetryLimit"] = "3", ["Consumers__RetryMaxInterval"] = "00:00:01" });
    }

    private async Task<JsonElement?> WaitListedAsync(string token, Guid messageId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ops/errors?limit=500");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("id").GetString() == messageId.ToString())
                {
                    return item.Clone();
                }
            }
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        return null;
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<bool> WaitDecidedAsync(Guid commentId, int revision)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = database.CreateCommand(
                "select count(*)::int from decisions where comment_id = $1 and revision = $2 and actor = 'system'");
            command.Parameters.Add(new NpgsqlParameter { Value = commentId });
            command.Parameters.Add(new NpgsqlParameter { Value = revision });
            var count = (int)(await command.ExecuteScalarAsync())!;
            if (count > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2)); // and it stays one
                return (int)(await command.ExecuteScalarAsync())! == 1;
            }
            await Task.Delay(500);
        }
        return false;
    }
}
