using System.Diagnostics;
using System.Threading.Channels;
using Comments.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Moderation.Worker.Comments;

/// <summary>
/// Has the new comments consumers hold at the same moment decided together (<see cref="CommentGroup"/>), so that the
/// per-decision costs are paid once per group, the event included (one <see cref="CommentsModerated"/>); a failed
/// group's messages are decided alone (docs/architecture.md).
/// </summary>
public sealed class DecisionGroups(IServiceScopeFactory scopes, IBus bus, IOptions<ConsumerOptions> options, ILogger<DecisionGroups> logger)
{
    private static readonly IReadOnlyDictionary<Guid, StoredDecision> NoneDecided = new Dictionary<Guid, StoredDecision>();
    private readonly Channel<Waiting> _waiting = Channel.CreateUnbounded<Waiting>();
    private readonly ConsumerOptions _options = options.Value;
    private int _loops;

    /// <summary>The decision a group stored for the message's comment, or null when its consumer is to decide it alone.</summary>
    public Task<GroupDecision?> DecideAsync(CommentSubmitted message, CancellationToken cancellationToken)
    {
        if (_options.DecisionGroupSize <= 1 || message.Revision != 1)
        {
            return Task.FromResult<GroupDecision?>(null);
        }
        var waiting = new Waiting(new GroupMember(message, Activity.Current?.Context ?? default));
        _waiting.Writer.TryWrite(waiting);
        StartLoopIfNeeded();
        return waiting.Decision.Task.WaitAsync(cancellationToken);
    }

    private void StartLoopIfNeeded()
    {
        while (true)
        {
            var running = Volatile.Read(ref _loops);
            if (running >= _options.DecisionGroupLoops)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref _loops, running + 1, running) == running)
            {
                using (ExecutionContext.SuppressFlow()) // the loop serves many consumers: none of their traces is its parent
                {
                    _ = Task.Run(LoopAsync);
                }
                return;
            }
        }
    }

    private async Task LoopAsync()
    {
        try
        {
            var group = new List<Waiting>(_options.DecisionGroupSize);
            while (true)
            {
                group.Clear();
                while (group.Count < _options.DecisionGroupSize && _waiting.Reader.TryRead(out var waiting))
                {
                    group.Add(waiting);
                }
                if (group.Count == 0)
                {
                    return;
                }
                await DecideAsync(group);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _loops);
            if (_waiting.Reader.TryPeek(out _))
            {
                StartLoopIfNeeded(); // a message that arrived while this loop was ending
            }
        }
    }

    private async Task DecideAsync(List<Waiting> group)
    {
        var decided = NoneDecided;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            decided = await scope.ServiceProvider.GetRequiredService<CommentGroup>().DecideAsync([.. group.Select(w => w.Member)], CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A group of {Count} comments could not be decided together; each is decided on its own", group.Count);
        }
        // Not awaited here: the loop goes on to the next group while the broker confirms, and each consumer waits.
        // In the group's order, which live pages show them in.
        var ordered = group.Select(w => w.Member.Message.CommentId).Distinct().Where(decided.ContainsKey).Select(id => decided[id]).ToList();
        var published = ordered.Count == 0 ? Task.CompletedTask : PublishAsync(ordered);
        foreach (var waiting in group)
        {
            waiting.Decision.TrySetResult(decided.TryGetValue(waiting.Member.Message.CommentId, out var stored) ? new GroupDecision(stored, published) : null);
        }
    }

    // Async so that a throw before the publish starts becomes the task's, and every waiting consumer is released.
    private async Task PublishAsync(IReadOnlyList<StoredDecision> decided) => await bus.PublishGroupAsync(decided);

    private sealed record Waiting(GroupMember Member)
    {
        public TaskCompletionSource<GroupDecision?> Decision { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A decision stored in a group, and the publish of the group's one event, which carries it.</summary>
public sealed record GroupDecision(StoredDecision Stored, Task Published);
