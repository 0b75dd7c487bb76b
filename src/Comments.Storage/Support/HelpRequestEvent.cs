namespace Comments.Storage.Support;

/// <summary>One entry in a help request's thread and history: replies and outcomes the reader sees, notes and changes they do not.</summary>
public class HelpRequestEvent
{
    public Guid Id { get; set; }
    public Guid HelpRequestId { get; set; }

    /// <summary>reply, note, status, assignee, priority, triage, duplicate, escalation, outcome.</summary>
    public required string Kind { get; set; }

    public required string Actor { get; set; }
    public string? Body { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public bool VisibleToReader { get; set; }
    public DateTimeOffset At { get; set; }
}
