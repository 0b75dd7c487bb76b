namespace Comments.Storage.Reports;

/// <summary>Open until a moderator reviews the comment; then upheld (the comment was removed) or dismissed.</summary>
public enum ReportStatus
{
    Open,
    Upheld,
    Dismissed,
}
