namespace Comments.Storage.Support;

/// <summary>One entry in a help request's thread and history: replies and outcomes the reader sees, notes and changes they do not.</summary>
public class HelpRequestEvent
{
    /// <summary>The actor of entries the worker writes (triage, duplicates).</summary>
    public const string SystemActor = Decisions.Decision.SystemActor;

    public Guid Id { get; set; }
    public Guid HelpRequestId { get; set; }

    public HelpRequestEventKind Kind { get; set; }

    public required string Actor { get; set; }
    public string? Body { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public bool VisibleToReader { get; set; }
    public DateTimeOffset At { get; set; }

    public static HelpRequestEvent Create(Guid requestId, HelpRequestEventKind kind, string actor, DateTimeOffset at, bool visibleToReader,
        string? body = null, string? before = null, string? after = null) => new()
    {
        Id = Guid.CreateVersion7(at), HelpRequestId = requestId, Kind = kind, Actor = actor, Body = body, Before = before, After = after,
        VisibleToReader = visibleToReader, At = at,
    };
}
