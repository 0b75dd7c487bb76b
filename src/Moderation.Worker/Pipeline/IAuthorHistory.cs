namespace Moderation.Worker.Pipeline;

/// <summary>The author's other comments, as the history-based phases ask about them: everything read at once.</summary>
public interface IAuthorHistory
{
    Task<AuthorRecord> ReadAsync(HistoryWindows windows, CancellationToken cancellationToken);
}

/// <summary>The moments from which a repeated text and the recent decisions count.</summary>
public readonly record struct HistoryWindows(DateTimeOffset RepeatSince, DateTimeOffset RecentSince);

/// <summary>
/// The author's other comments: approved ones, those written no later than this one, whether one since
/// <see cref="HistoryWindows.RepeatSince"/> has the same text, and those decided since
/// <see cref="HistoryWindows.RecentSince"/> (approved or rejected) and how many of them were rejected.
/// </summary>
public sealed record AuthorRecord(int Approved, int Earlier, bool SameTextRecently, int RecentDecided, int RecentRejected);
