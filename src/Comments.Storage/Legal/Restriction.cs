namespace Comments.Storage.Legal;

/// <summary>What a statement of reasons is about.</summary>
public enum Restriction
{
    CommentRemoved,
    CommentHeld,
    CommentRestricted,
    AccountSuspended,
    AccountBanned,
    AccountPremoderated,
}
