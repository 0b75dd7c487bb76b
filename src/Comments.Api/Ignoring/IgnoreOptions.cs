using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Ignoring;

/// <summary>Section <c>Ignoring</c>: readers leaving other readers' comments out of what they see.</summary>
public sealed class IgnoreOptions
{
    public const string SectionName = "Ignoring";

    /// <summary>
    /// How many readers one reader may ignore: every signed-in listing leaves them out in its query, so the list must
    /// stay short; a reader at the cap un-ignores someone first.
    /// </summary>
    [Range(1, 1_000)] public int MaxIgnoredReaders { get; set; } = 100;
}
