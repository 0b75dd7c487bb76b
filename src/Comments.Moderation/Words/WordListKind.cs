namespace Comments.Moderation.Words;

/// <summary>Banned words reject a comment; suspect words hold it for a moderator.</summary>
public enum WordListKind
{
    Banned,
    Suspect,
}
