namespace Comments.Storage.Legal;

public enum ComplaintOutcome
{
    /// <summary>The decision stands.</summary>
    Upheld,

    /// <summary>The decision was undone (the comment published again, the account restored).</summary>
    Reversed,
}
