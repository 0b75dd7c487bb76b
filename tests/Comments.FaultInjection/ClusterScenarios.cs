using System.Diagnostics;
using Comments.Contracts;
using Comments.Harness;

namespace Comments.FaultInjection;

/// <summary>
/// The RabbitMQ cluster's faults (issue 23), run by scripts/faults.sh against a three-node cluster with quorum intake
/// queues: one node at a time stops under load and starts again. Clients may see 503 while the queue elects a new
/// leader or while they reconnect to another node (counted), never a lost or duplicated comment.
/// </summary>
public sealed class ClusterScenarios(ScenarioRunner runner, Services services)
{
    public static readonly string[] Names = ["rabbit-leader-stop", "rabbit-rolling-restart"];

    public const int Nodes = 3;

    public Task<ScenarioResult> RunAsync(string name) => name switch
    {
        "rabbit-leader-stop" => LeaderStopAsync(),
        "rabbit-rolling-restart" => RollingRestartAsync(),
        _ => throw new ArgumentException($"unknown cluster scenario {name}; known: {string.Join(", ", Names)}"),
    };

    /// <summary>The node holding the moderate-comment leader stops; a follower must take over and the intake go on.</summary>
    private Task<ScenarioResult> LeaderStopAsync()
    {
        var moves = new List<(int Stopped, int NewLeader)>();
        return runner.RunAsync(
            "rabbit-leader-stop", "stop the RabbitMQ node holding the moderate-comment leader at 20% of a load three times as long, start it again",
            async () => moves.Add(await CycleAsync(await services.RabbitLeaderAsync(QueueNames.ModerateComment))),
            faultAt: 0.2,
            (attempts, _) => Task.FromResult(Judge(attempts, moves)),
            loadFactor: 3);
    }

    /// <summary>Every node in turn, the leader first, as in a rolling upgrade: each stops, starts and rejoins before the next.</summary>
    private Task<ScenarioResult> RollingRestartAsync()
    {
        var moves = new List<(int Stopped, int NewLeader)>();
        return runner.RunAsync(
            "rabbit-rolling-restart", "stop and start each of the three RabbitMQ nodes in turn, the moderate-comment leader first, from 10% of a load six times as long",
            async () =>
            {
                var leader = await services.RabbitLeaderAsync(QueueNames.ModerateComment);
                foreach (var node in Enumerable.Range(0, Nodes).Select(i => (leader - 1 + i) % Nodes + 1))
                {
                    moves.Add(await CycleAsync(node));
                }
            },
            faultAt: 0.1,
            (attempts, _) => Task.FromResult(Judge(attempts, moves)),
            loadFactor: 6);
    }

    /// <summary>Stops <paramref name="node"/>, reads who leads without it, starts it again; returns both.</summary>
    private async Task<(int, int)> CycleAsync(int node)
    {
        var down = Stopwatch.StartNew();
        await services.StopRabbitNodeAsync(node);
        var leader = await NewLeaderAsync(node);
        await services.StartRabbitNodeAsync(node);
        Console.WriteLine($"    node {node} was down {down.Elapsed.TotalSeconds:0.0} s; moderate-comment's leader meanwhile: node {leader}");
        return (node, leader);
    }

    /// <summary>The leader once the queue has elected one off <paramref name="stopped"/>, or the stopped node after 30 s.</summary>
    private async Task<int> NewLeaderAsync(int stopped)
    {
        var deadline = Stopwatch.StartNew();
        var leader = stopped;
        while (leader == stopped && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                leader = await services.RabbitLeaderAsync(QueueNames.ModerateComment);
            }
            catch (InvalidOperationException)
            {
                // No node answered with a leader yet: the election is under way.
            }
            if (leader == stopped)
            {
                await Task.Delay(500);
            }
        }
        return leader;
    }

    private static IReadOnlyList<(string, bool)> Judge(IReadOnlyList<Attempt> attempts, List<(int Stopped, int NewLeader)> moves) =>
    [
        .. ScenarioRunner.OnlyStatuses(attempts, 202, 503),
        ($"{attempts.Count(a => a.Status == 503)} requests answered 503 while a node was away", true),
        ($"every stopped node's queue was led by another node meanwhile ({string.Join("; ", moves.Select(m => $"node {m.Stopped} down, leader node {m.NewLeader}"))})",
            moves.Count > 0 && moves.All(m => m.Stopped != m.NewLeader)),
    ];
}
