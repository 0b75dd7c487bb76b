using System.Text.RegularExpressions;

namespace Comments.Moderation.Harms;

/// <summary>
/// General English patterns for each harm, read on the normalized letters ("k1ll" is "kill", "you're" is "you re");
/// personal information is read on the original text, whose digits, capitals and "@" it needs.
/// </summary>
internal static partial class HarmPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public static readonly (HarmKind Kind, Regex Pattern)[] OnLetters =
    [
        (HarmKind.Threat, Threat()),
        (HarmKind.WishingHarm, WishingHarm()),
        (HarmKind.Incitement, Incitement()),
        (HarmKind.Dehumanizing, Dehumanizing()),
        (HarmKind.Dehumanizing, DogWhistle()),
        (HarmKind.Sexual, Sexual()),
        (HarmKind.Insult, Insult()),
        (HarmKind.Harassment, Harassment()),
    ];

    public static readonly (HarmKind Kind, Regex Pattern)[] OnOriginal =
    [
        (HarmKind.PersonalInfo, Address()),
        (HarmKind.PersonalInfo, WhereSomeoneIs()),
        (HarmKind.PersonalInfo, Handle()),
        (HarmKind.Dehumanizing, NumericDogWhistle()),
    ];

    // "I'll find you", "we are going to kill", "watch your back", "we know where you live", "would be a shame if
    // something happened to", "deserves a bullet", "there will be blood", "you're next".
    [GeneratedRegex("""
        \b(i|we|someone|somebody)\ (will|ll|shall|am\ going\ to|m\ going\ to|are\ going\ to|re\ going\ to|gonna|m\ gonna|re\ gonna)\ (find|get|end|make)\ (you|him|her|them|u)\b
        |\b((i|we)\ (will|ll|shall|am\ going\ to|m\ going\ to|are\ going\ to|re\ going\ to|gonna|m\ gonna|re\ gonna)|ill|imma|im\ gonna|im\ going\ to)\ (kill|hurt|shoot|stab|smash|beat|burn|murder|break|rearrange|end)\b
        |\b(watch|mind)\ (your|his|her|their)\ backs?\b
        |\b(we|i)\ know\ (where\ (you|he|she|they)\ (live|lives|work|works|sleep|sleeps)|where\ the\ newsroom\ is|(your|his|her|their)\ (car|address|house|street|kids|children|family|mum|mother))\b
        |\bwhich\ street\ (his|her|their|your)\ \w+\ lives\b
        |\b(shame|pity)\ if\ (something|anything)\ (happened|happens|were\ to\ happen)\b
        |\bsee\ what\ happens\ to\ (you|him|her|them)\b
        |\b(deserves?|needs?|earned)\ a\ bullet\b|\bput\ a\ bullet\ in\b
        |\b(lined|line\ (them|him|her))\ up\ against\ (a|the)\ wall\b
        |\bthere\ (will|ll)\ be\ blood\b
        |\b(be|are|m|re)\ waiting\ (outside|for\ (you|him|her|them))\b
        |\byou\ (re|are)\ (dead|next)\b
        |\bwhat\ s\ coming\ to\ (you|him|her|them)\b
        |\b(shoot|kill|stab|hang)\ the\ (ref|referee|judge|journalist|reporter|minister|mayor)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Threat();

    // "I hope he dies", "I pray the president has a heart attack", "deserves to die", "drop dead", "kys".
    [GeneratedRegex("""
        \b(hope|wish|pray)\ (?!(nobody|no\ one|noone|none|no\ more|nothing)\b)(\w+\ ){0,6}?(?<!\b(could|might|may|would|will|not|t)\ )(dies|die|chokes?|drowns?|burns?\ alive|rots?|gets?\ (cancer|stabbed|shot|killed|raped|run\ over)|has\ a\ heart\ attack|suffers?|gets?\ what)\b
        |\b(deserves?|deserve)\ to\ (die|suffer|rot|burn|be\ (shot|hanged|raped|killed|tortured))\b
        |\bdrop\ dead\b|\bkys\b|\bkill\ (yourself|yourselves|urself)\b|\bgo\ die\b
        |\b(pay|give)\ good\ money\ to\ (watch|see)\b
        |\b(legs|neck|arms|face|skull)\ broken\b
        |\bcancer\ gets\ (him|her|them|you)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex WishingHarm();

    // "should be hanged", "someone should shoot him", "gas them all", "bring petrol", "let's all go and smash".
    [GeneratedRegex("""
        \b(should|must|need\ to|needs\ to|ought\ to|deserve\ to|deserves\ to)\ (all\ )?be\ (hanged|hung|shot|strung\ up|lined\ up|gassed|executed|dragged\ out|burned|burnt|lynched|stamped\ out|exterminated|put\ down|wiped\ out|run\ over|beaten)\b
        |\b(someone|somebody)\ (should|needs\ to|ought\ to|has\ to)\ (kill|shoot|stab|hang|run|put\ a\ bullet|take\ out|do\ the\ world\ a\ favou?r)\b
        |\b(hang|shoot|gas|kill|burn|nuke|bomb|string|round)\ (them|him|her|em)\ (all|up)\b
        |\bgas\ them\b|\bsink\ them\b|\bhang\ (him|her|them)\b|\bdragged\ out\ and\b
        |\b(bring|grab)\ (petrol|something\ heavy|bats|weapons|knives|bricks|rope)\b
        |\b(let\ s|lets|let\ us)\ (all\ )?go\b(\ \w+){0,8}\ (smash|burn|block|sort|torch)\b
        |\b(go|head)\ (down|round|over)\b(\ \w+){0,6}\ (smash|burn|block|torch)\b
        |\bblock\ the\ doors\b|\bsmash\ the\ windows\b
        |\b(knock\ on\ their\ doors|go\ and\ knock)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Incitement();

    // "these people are vermin", "they breed like rats", "not human", "an infestation".
    [GeneratedRegex("""
        \b(they|these|those|them|you\ people|these\ people|those\ people|(their|these|those|the)\ \w+|all\ of\ them|every\ one\ of\ them)\ (are|re|is|s)\ (nothing\ but\ |just\ |all\ |like\ |a\ |an\ |filthy\ |inbred\ |dirty\ |disgusting\ )*(vermin|rats|animals|beasts|cockroaches|parasites|savages|subhuman|insects|disease|cancer|plague|infestation|filth|inbred|monkeys|apes|scum|lice|maggots|leeches)\b
        |\bbreed\ like\ (rats|rabbits|cockroaches|animals|vermin)\b
        |\b(aren\ t|arent|are\ not|not)\ (even\ )?human\b|\bsub\ ?human\b
        |\ban\ infestation\b|\bare\ a\ disease\b|\b(stamped|stamp|wiped|wipe)\ out\ before\b
        |\brapists?\ in\ waiting\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Dehumanizing();

    // Coded hate with no other reading, as catalogued by the ADL's hate symbols database: "the great replacement",
    // "day of the rope", "ZOG", "who controls the media".
    [GeneratedRegex("""
        \bfourteen\ words\b|\bgreat\ replacement\b|\bwhite\ genocide\b|\bday\ of\ the\ rope\b|\bzog\b|\bzionist\ occupied\b
        |\bthe\ goyim\ know\b|\bjewish\ question\b|\brootless\ cosmopolitans?\b|\bkalergi\ plan\b|\bhappy\ merchant\b|\bwhite\ sharia\b
        |\b(will|shall)\ not\ (replace\ us|be\ replaced)\b|\brace\ traitors?\b
        |\bwho\ (really\ )?(controls|runs|owns)\ (the\ )?(media|banks|money|press)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DogWhistle();

    // The numbers of that catalogue, which need the original digits: "14 words", "1488", "14/88", "(((them)))".
    [GeneratedRegex(@"\b14\s?words\b|\b14\s?/?\s?88\b|\(\(\(\s*\w+(\s\w+)?\s*\)\)\)", Options | RegexOptions.IgnoreCase)]
    private static partial Regex NumericDogWhistle();

    // Sexual remarks aimed at a person: "should be raped", "send nudes", "nice legs".
    [GeneratedRegex("""
        \b(should|ought\ to|needs\ to|deserves\ to|deserve\ to)\ (be|get)\ raped\b|\brape\ (her|him|them|you)\b|\bbe\ raped\ and\b
        |\bsend\ (me\ )?nudes\b|\bnice\ (legs|tits|boobs|body|ass|arse|rack)\b
        |\bsleeping\ with\ the\ (manager|boss|editor|coach)\b|\b(slag|slut|whore)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Sexual();

    // Insults aimed at someone, without slurs: "you're a brainless idiot", "shut your mouth", "IQ of a brick".
    [GeneratedRegex("""
        \byou\ (re\ |are\ |r\ )?(such\ )?(an?\ )?(\w+\ ){0,3}(idiot|moron|imbecile|clown|loser|muppet|troll|parrot|cretin|halfwit|dimwit|numpty|plonker|dunce|buffoon|apologist|puppet|hypocrite|waste\ of\ space)s?\b
        |\b(iq|brain)\ of\ a\b|\byour\ brain\ (fall|fell)\b
        |\btoo\ (stupid|thick|dumb|dense|ignorant)\ to\b
        |\bshut\ (up|your\ (fat\ |stupid\ |big\ )?(mouth|face|trap|gob))\b
        |\b(crawl|go)\ back\ (under\ your\ rock|to\ (your|mummy\ s|mommy\ s)\ basement)\b
        |\b(pathetic|brainless|brain\ dead|braindead|clueless|moronic|useless|ignorant|sad\ little|thick)\ (\w+\ ){0,2}(idiot|moron|troll|loser|puppet|parrot|fan|nimbys|excuse|keyboard\ warrior|apologist|hag|clown|traitor|journalist)s?\b
        |\b(idiot|moron|clown|loser|muppet|troll)\b(?=.*\byou\b)
        |\bnobody\ asked\ for\ your\b|\bpathetic\ excuse\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Insult();

    // A crowd sent after a person: "everyone go tell her", "make her life hell", "pay her a visit".
    [GeneratedRegex("""
        \b(go|everyone\ go|let\ s\ all\ go|all\ go)\ (and\ )?(tell|flood|spam|message|give|show|let)\ (her|him|them|it)\b
        |\bmake\ (her|his|their)\ life\ hell\b|\bgive\ (her|him|them)\ hell\b
        |\bpay\ (her|him|them)\ a\ visit\b|\b(drop\ in|pop\ round)\ and\ say\ hello\b|\bwants\ to\ have\ a\ word\b
        |\b(new\ )?accounts?\ just\ to\b|\bnever\ get\ rid\ of\ me\b
        |\bgo\ get\ (her|him|them)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Harassment();

    // A street address: "14 Orchard Close", "number 22".
    [GeneratedRegex("""
        \b\d{1,4}[a-z]?\ (?!Downing\b)[A-Z][a-z]+(\ [A-Z][a-z]+)?\ (Road|Street|St|Avenue|Ave|Close|Lane|Walk|Drive|Way|Crescent|Court|Place|Grove|Terrace|Gardens|Row|Square|Mews)\b
        |\b(Street|Road|Lane|Close|Avenue),?\ (number|no\.?)\ \d{1,4}\b
        """, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Address();

    // Where someone else lives, works or can be found: "lives above the pharmacy on Mill Road", "his sister works at
    // the Co-op", "her daughter goes to St Mary's", "she's on Facebook". Not "I work at" or "my son works at": a
    // reader's own business.
    [GeneratedRegex("""
        (?<!\b(?i:i|we|my\ \w+|our\ \w+)\ )\b(lives|works)\ (at|in|on|above|next\ to|opposite|behind|for)\ [^.!?\n]{0,40}?\b(Road|Street|Lane|Close|Avenue|Walk|Drive|surgery|school|primary|shop|Co-op|Tesco|bank|market|stall|pharmacy|cafe|pub|flats|office)\b
        |(?<!\b(?i:my|our)\ )\b(daughter|son|kids|children|child|wife|husband|girlfriend|boyfriend)\ (goes|go)\ to\b
        |\bruns\ the\ (\w+\ )?(stall|shop|cafe|pub|salon|garage)\b
        |\b(she|he|they)(['’]s|\ is|\ are)\ on\ (Facebook|Instagram|TikTok|Twitter|Snapchat|facebook|instagram|tiktok|twitter|snapchat)\b
        """, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex WhereSomeoneIs();

    // An online handle: "@jenny_m_1987".
    [GeneratedRegex(@"(?<![\w.])@[A-Za-z0-9_.]{3,30}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();
}
