namespace Comments.Storage.Users;

/// <summary>What a moderator can do to a reader's standing; a warning changes nothing but is audited.</summary>
public enum UserAction
{
    Ban,
    Suspend,
    Premod,
    Warn,
    Restore,
}
