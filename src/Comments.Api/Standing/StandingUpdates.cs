using Comments.Contracts;
using MassTransit;

namespace Comments.Api.Standing;

/// <summary>
/// Brings a reader's standing up to date in this instance's set. Runs on a temporary queue of this instance, so every
/// API instance hears every change. Only the event's user id is used: anyone on the broker's network could send the
/// rest, so the standing itself is read from the database (docs/security.md).
/// </summary>
public sealed class StandingUpdates(ReaderStandings standings) : IConsumer<ReaderStandingChanged>
{
    public Task Consume(ConsumeContext<ReaderStandingChanged> context) => standings.ReloadAsync(context.Message.UserId, context.CancellationToken);
}
