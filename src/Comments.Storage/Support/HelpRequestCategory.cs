namespace Comments.Storage.Support;

public enum HelpRequestCategory
{
    CantPost,
    CommentMissing,
    CommentRemoved,
    AccountOrLogin,
    BannedOrSuspended,
    ReportAbuse,
    Technical,
    Other,
}
