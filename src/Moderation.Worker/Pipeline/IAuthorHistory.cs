namespace Moderation.Worker.Pipeline;

/// <summary>The author's other comments, as the history-based phases ask about them: everything read at once.</summary>
public interface IAuthorHistory
{
    Task<AuthorRecord> ReadAsync(HistoryWindows windows, CancellationToken cancellationToken);
}

/// <summary>The moments from which a repeated text, the recent decisions and the posts against the posting limit count.</summary>
public readonly record struct HistoryWindows(DateTimeOffset RepeatSince, DateTimeOffset RecentSince, DateTimeOffset PostingSince);

/// <summary>
/// The author's other comments: approved ones, those written no later than this one, whether one since
/// <see cref="HistoryWindows.RepeatSince"/> has the same text, and those decided since
/// <see cref="HistoryWindows.RecentSince"/> (approved or rejected) and how many of them were rejected, and those
/// submitted since <see cref="HistoryWindows.PostingSince"/> and before this one (by time, then id: the same on every worker).
/// </summary>
public sealed record AuthorRecord(int Approved, int Earlier, bool SameTextRecently, int RecentDecided, int RecentRejected, int PostedInWindow = 0);
