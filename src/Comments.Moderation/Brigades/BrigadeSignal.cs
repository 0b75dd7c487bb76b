namespace Comments.Moderation.Brigades;

/// <summary>The four things the brigade watch measures on an article.</summary>
public enum BrigadeSignal
{
    HeldShare,
    NewAccountShare,
    ReportsPerComment,
    RateMultiple,
}
