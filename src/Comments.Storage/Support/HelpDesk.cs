namespace Comments.Storage.Support;

/// <summary>The help desk's vocabulary: categories, priorities with their first-reply service levels, statuses.</summary>
public static class HelpDesk
{
    public static readonly string[] Categories =
        ["cant_post", "comment_missing", "comment_removed", "account_or_login", "banned_or_suspended", "report_abuse", "technical", "other"];

    public static readonly string[] Priorities = ["urgent", "high", "normal", "low"];

    public static readonly string[] Statuses = ["new", "open", "waiting_on_reader", "resolved", "closed"];

    public static int Rank(string priority) => Array.IndexOf(Priorities, priority);

    /// <summary>First reply due: urgent 1 h, high 4 h, normal 24 h, low 72 h.</summary>
    public static TimeSpan FirstReplyWithin(string priority) => priority switch
    {
        "urgent" => TimeSpan.FromHours(1),
        "high" => TimeSpan.FromHours(4),
        "low" => TimeSpan.FromHours(72),
        _ => TimeSpan.FromHours(24),
    };

    public static bool IsOpen(string status) => status is "new" or "open" or "waiting_on_reader";

    /// <summary>new → open → waiting_on_reader → resolved → closed; waiting goes back to open; anything open may be resolved; resolved or closed may be reopened.</summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        ("new", "open") or ("open", "waiting_on_reader") or ("waiting_on_reader", "open") => true,
        ("new" or "open" or "waiting_on_reader", "resolved") => true,
        ("resolved", "closed") or ("resolved" or "closed", "open") => true,
        _ => false,
    };

    /// <summary>"overdue", "due_soon" (within a quarter of the allowance) or "on_time", for requests still waiting for a first reply.</summary>
    public static string DueState(HelpRequest request, DateTimeOffset now)
    {
        if (request.FirstReplyAt is not null || !IsOpen(request.Status))
        {
            return "answered";
        }
        if (now > request.FirstReplyDueAt)
        {
            return "overdue";
        }
        return request.FirstReplyDueAt - now <= FirstReplyWithin(request.Priority) / 4 ? "due_soon" : "on_time";
    }

    /// <summary>HR- and five characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
    public static string NewReference()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        Span<char> code = stackalloc char[5];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return $"HR-{code}";
    }
}
