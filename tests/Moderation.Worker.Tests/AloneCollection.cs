namespace Moderation.Worker.Tests;

/// <summary>Tests that hold row locks and wait for the worker to block on them run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
