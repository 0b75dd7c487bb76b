using Comments.Contracts;
using MassTransit;

namespace Comments.Api.Standing;

/// <summary>Applies a standing change to this instance's set. Runs on a temporary queue of this instance, so every API instance hears every change.</summary>
public sealed class StandingUpdates(ReaderStandings standings) : IConsumer<ReaderStandingChanged>
{
    public Task Consume(ConsumeContext<ReaderStandingChanged> context)
    {
        standings.Apply(context.Message);
        return Task.CompletedTask;
    }
}
