namespace Comments.Moderation.Harms;

/// <summary>The kinds of harm the pipeline names, each with its own reason code (<see cref="HarmCodes"/>).</summary>
public enum HarmKind
{
    Insult,
    Threat,
    Harassment,
    PersonalInfo,
    Dehumanizing,
    Incitement,
    WishingHarm,
    Sexual,
}
