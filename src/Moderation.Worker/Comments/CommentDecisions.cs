using Comments.Storage;

namespace Moderation.Worker.Comments;

/// <summary>
/// Decides a batch of messages: the new comments together, and everything else (an edit, and each message of a group
/// that failed) as a group of one, each group in a scope of its own so that a failed one leaves nothing behind.
/// </summary>
public sealed class CommentDecisions(IServiceScopeFactory scopes, ILogger<CommentDecisions> logger)
{
    /// <summary>For each member in order, the decision to publish (none for a refused or overtaken revision) or why it failed.</summary>
    public async Task<IReadOnlyList<MessageOutcome>> DecideAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        var outcomes = new MessageOutcome?[members.Count];
        var firsts = Enumerable.Range(0, members.Count).Where(i => members[i].Message.Revision == 1).ToList();
        if (firsts.Count > 1)
        {
            try
            {
                var decided = await DecideInScopeAsync([.. firsts.Select(i => members[i])], cancellationToken);
                firsts.ForEach(i => outcomes[i] = new MessageOutcome(decided.GetValueOrDefault(members[i].Message.CommentId), null));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "A group of {Count} comments could not be decided together; each is decided on its own", firsts.Count);
            }
        }
        // In order, so that an edit comes after the new comment it changes.
        for (var i = 0; i < members.Count; i++)
        {
            if (outcomes[i] is null)
            {
                outcomes[i] = await DecideAloneAsync(members[i], cancellationToken);
            }
        }
        return outcomes!;
    }

    private async Task<MessageOutcome> DecideAloneAsync(GroupMember member, CancellationToken cancellationToken)
    {
        try
        {
            var decided = await DecideInScopeAsync([member], cancellationToken);
            return new MessageOutcome(decided.GetValueOrDefault(member.Message.CommentId), null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new MessageOutcome(null, exception);
        }
    }

    /// <summary>The group's decisions, and for the members it left out the decisions stored by earlier deliveries.</summary>
    private async Task<IReadOnlyDictionary<Guid, StoredDecision>> DecideInScopeAsync(IReadOnlyList<GroupMember> members, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var decided = await scope.ServiceProvider.GetRequiredService<CommentGroup>().DecideAsync(members, cancellationToken);
        var earlier = await StoredDecision.FindAsync(scope.ServiceProvider.GetRequiredService<CommentsDbContext>(),
            [.. members.Select(m => m.Message).Where(m => !decided.ContainsKey(m.CommentId))], cancellationToken);
        return decided.Concat(earlier).ToDictionary();
    }
}

/// <summary>What became of one message of a batch: the decision to publish, if any, or the exception it failed with.</summary>
public sealed record MessageOutcome(StoredDecision? Decision, Exception? Failure);
