namespace Comments.Storage.Notifications;

/// <summary>What happened to a reader that they are told about (in the page, and by e-mail in a digest).</summary>
public enum NotificationKind
{
    /// <summary>Another reader's reply to their comment was published; the subject is the reply.</summary>
    Reply,

    /// <summary>A moderator made their comment an editors' pick; the subject is the comment.</summary>
    Featured,

    /// <summary>A moderator decided their comment after it had been held for review; the subject is the decision.</summary>
    Decided,

    /// <summary>Support answered their help request; the subject is the reply in the request's thread.</summary>
    SupportReply,

    /// <summary>Their comment was removed or their account restricted; the subject is the statement of reasons.</summary>
    Statement,

    /// <summary>A moderator decided their complaint against a statement of reasons; the subject is the complaint.</summary>
    ComplaintDecided,
}
