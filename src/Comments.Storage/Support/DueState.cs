namespace Comments.Storage.Support;

/// <summary>Where a request stands against its first-reply service level (<see cref="HelpDesk.DueState"/>).</summary>
public enum DueState
{
    Answered,
    Overdue,
    DueSoon,
    OnTime,
}
