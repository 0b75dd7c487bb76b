namespace Moderation.Worker.Pipeline;

/// <summary>The author's past comments, as the history-based phases ask about them.</summary>
public interface IAuthorHistory
{
    Task<int> ApprovedCountAsync(CancellationToken cancellationToken);

    Task<int> EarlierCommentCountAsync(CancellationToken cancellationToken);

    Task<bool> SameTextSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    Task<(int Decided, int Rejected)> DecidedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
