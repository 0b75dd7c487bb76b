namespace Comments.Storage.Support;

/// <summary>What an entry in a help request's thread records.</summary>
public enum HelpRequestEventKind
{
    Reply,
    Note,
    Status,
    Assignee,
    Priority,
    Triage,
    Duplicate,
    Escalation,
    Outcome,
}
