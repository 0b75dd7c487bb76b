namespace Comments.Api.Infrastructure;

/// <summary>The broker did not confirm a message within the bounded retry; the client should try again later.</summary>
public sealed class BrokerUnavailableException(Exception inner)
    : Exception("The message broker could not be reached.", inner);
