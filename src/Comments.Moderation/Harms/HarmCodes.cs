using Comments.Moderation.Reasons;

namespace Comments.Moderation.Harms;

/// <summary>The reason code of each harm, as stored with decisions and shown to moderators and readers.</summary>
public static class HarmCodes
{
    public static string For(HarmKind kind) => kind switch
    {
        HarmKind.Insult => ReasonCodes.Insult,
        HarmKind.Threat => ReasonCodes.Threat,
        HarmKind.Harassment => ReasonCodes.Harassment,
        HarmKind.PersonalInfo => ReasonCodes.PersonalInfo,
        HarmKind.Dehumanizing => ReasonCodes.Dehumanizing,
        HarmKind.Incitement => ReasonCodes.Incitement,
        HarmKind.WishingHarm => ReasonCodes.WishingHarm,
        HarmKind.Sexual => ReasonCodes.Sexual,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
