namespace Comments.Storage.Support;

/// <summary>new → open → waiting_on_reader → resolved → closed (<see cref="HelpDesk.CanMove"/>).</summary>
public enum HelpRequestStatus
{
    New,
    Open,
    WaitingOnReader,
    Resolved,
    Closed,
}
