namespace Comments.Api.Ignoring;

/// <summary>
/// Endpoint metadata: the answer leaves out the authors the signed-in reader ignores, so the listing cache must neither
/// serve nor store it for a reader who ignores someone (ListingCachePolicy).
/// </summary>
public sealed class LeavesOutIgnoredAuthors
{
    public static readonly LeavesOutIgnoredAuthors Instance = new();
}
