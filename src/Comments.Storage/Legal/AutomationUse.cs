namespace Comments.Storage.Legal;

/// <summary>How automated means took part in a decision (article 17(3)(c)).</summary>
public enum AutomationUse
{
    /// <summary>A person found and decided it.</summary>
    None,

    /// <summary>Automated checks flagged it; a person decided.</summary>
    Detection,

    /// <summary>The automated pipeline decided it alone.</summary>
    Decision,
}
