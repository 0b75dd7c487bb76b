namespace Comments.Storage.Reports;

public enum ReportReason
{
    Offensive,
    Abusive,
    Spam,
    OffTopic,
    Harassment,
    Other,
}
