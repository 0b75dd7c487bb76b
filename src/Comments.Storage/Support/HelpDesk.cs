namespace Comments.Storage.Support;

/// <summary>The help desk's rules: first-reply service levels, which statuses are open, how a status may move.</summary>
public static class HelpDesk
{
    public static readonly HelpRequestStatus[] OpenStatuses = [HelpRequestStatus.New, HelpRequestStatus.Open, HelpRequestStatus.WaitingOnReader];

    public static readonly HelpRequestStatus[] FinishedStatuses = [HelpRequestStatus.Resolved, HelpRequestStatus.Closed];

    /// <summary>First reply due: urgent 1 h, high 4 h, normal 24 h, low 72 h.</summary>
    public static TimeSpan FirstReplyWithin(HelpRequestPriority priority) => priority switch
    {
        HelpRequestPriority.Urgent => TimeSpan.FromHours(1),
        HelpRequestPriority.High => TimeSpan.FromHours(4),
        HelpRequestPriority.Low => TimeSpan.FromHours(72),
        _ => TimeSpan.FromHours(24),
    };

    public static bool IsOpen(HelpRequestStatus status) => OpenStatuses.Contains(status);

    /// <summary>new → open → waiting_on_reader → resolved → closed; waiting goes back to open; anything open may be resolved; resolved or closed may be reopened.</summary>
    public static bool CanMove(HelpRequestStatus from, HelpRequestStatus to) => (from, to) switch
    {
        (HelpRequestStatus.New, HelpRequestStatus.Open) => true,
        (HelpRequestStatus.Open, HelpRequestStatus.WaitingOnReader) or (HelpRequestStatus.WaitingOnReader, HelpRequestStatus.Open) => true,
        (_, HelpRequestStatus.Resolved) => IsOpen(from),
        (HelpRequestStatus.Resolved, HelpRequestStatus.Closed) => true,
        (HelpRequestStatus.Resolved or HelpRequestStatus.Closed, HelpRequestStatus.Open) => true,
        _ => false,
    };

    /// <summary>An escalation opens a request that was new or waiting for the reader; other statuses stay.</summary>
    public static HelpRequestStatus AfterEscalation(HelpRequestStatus status) =>
        status is HelpRequestStatus.New or HelpRequestStatus.WaitingOnReader ? HelpRequestStatus.Open : status;

    /// <summary>For requests still waiting for a first reply, "due soon" within the last quarter of the allowance.</summary>
    public static DueState DueState(HelpRequest request, DateTimeOffset now)
    {
        if (request.FirstReplyAt is not null || !IsOpen(request.Status))
        {
            return Support.DueState.Answered;
        }
        if (now > request.FirstReplyDueAt)
        {
            return Support.DueState.Overdue;
        }
        return request.FirstReplyDueAt - now <= FirstReplyWithin(request.Priority) / 4 ? Support.DueState.DueSoon : Support.DueState.OnTime;
    }

    public static string NewReference() => References.New("HR");
}
