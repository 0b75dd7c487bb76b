namespace Comments.Moderation.Language;

/// <summary>
/// The reader text catalogue: every sentence a reader sees, in ReaderText.resx (English, the neutral culture) and
/// ReaderText.de.resx, read through <c>IStringLocalizer&lt;ReaderText&gt;</c> in the request's culture. Keys name what
/// a sentence is for (<c>embed.post.button</c>, <c>reason.system.links</c>); placeholders are <c>{name}</c> (<see cref="ReaderTextExtensions.Say"/>).
/// The localizer finds the resources under this type's full name, so it is registered without a ResourcesPath.
/// </summary>
public sealed class ReaderText
{
    /// <summary>The languages the catalogue ships complete; the first is the default and the neutral resources.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "de"];

    /// <summary>Keys sent to the embed (<c>GET /api/texts</c>) start with this.</summary>
    public const string EmbedPrefix = "embed.";
}
