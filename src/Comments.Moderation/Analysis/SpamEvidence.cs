using System.Text.RegularExpressions;

namespace Comments.Moderation.Analysis;

/// <summary>
/// Spam needs a way back to the spammer: a link, a number, an address or handle, a "follow me", a price. Without such a
/// cue the spam model's score counts a fifth, so a reader's "please share" or "anyone know" is not held as spam.
/// </summary>
public static partial class SpamEvidence
{
    public const float UncuedWeight = 0.2f;

    public static float Score(float model, bool cue) => cue ? model : model * UncuedWeight;

    public static bool HasCue(string text) => Cue().IsMatch(text);

    [GeneratedRegex("""
        https?://|www\.|\b[a-z0-9-]+\.(?:com|net|org|biz|info|xyz|shop|store|co|io|ly|app|me|example|ru|cn|online|site)\b
        |\+?\d[\d\s().-]{7,}\d|\b[\w.+-]+@[\w-]+\.\w+|(?<!\w)@\w{3,}
        |\b(?:dm|pm|inbox|whatsapp|telegram|signal\s+me|text\s+me|call\s+(?:me|now)|subscribe|subscribers?|follow\s+(?:me|for|back)|f4f
        |my\s+(?:new\s+)?(?:channel|page|profile|blog|site|website|shop|store|videos?|music|rap|songs?|tracks?|covers?|playlist|stream|link|bio)
        |link\s+in\s+(?:bio|profile)|check\s+(?:out|my|me|this|them|it|us)|su[bcs]+(?:ribe)?\s+(?:to\s+)?(?:me|us)|watch\s+my|take\s+a\s+look\s+at\s+(?:this|my)
        |like\s+(?:this\s+comment|4\s+like|for\s+like)|thumbs\s+up\s+if|give\s+(?:it|me|us)\s+a\s+like|youtubers?|playlist|watch\?v=
        |click|promo|coupon|discount|bitcoin|crypto|forex|invest(?:ment)?s?|earn|income|per\s+(?:hour|day|week)|from\s+home|giveaway
        |free\s+(?:money|gift|trial|followers|likes)|cheap|offer|order\s+now|buy\s+now|limited\s+time|apply\s+now|hiring|loans?|casino|viagra)\b
        |[$£€]\s?\d
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Cue();
}
