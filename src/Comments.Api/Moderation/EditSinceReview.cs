using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Comments.Api.Moderation;

/// <summary>
/// What an author changed since a person last looked at the comment (the revision a moderator decided, or the one
/// that waited for them): shown beside an EDITED_AFTER_REVIEW hold, word by word.
/// </summary>
public sealed record EditSinceReview(int ReviewedRevision, string ReviewedBody, IReadOnlyList<TextChange> Changes)
{
    public static EditSinceReview Between(int reviewedRevision, string reviewed, string current) => new(reviewedRevision, reviewed,
        [.. InlineDiffBuilder.Diff(reviewed, current, ignoreWhiteSpace: false, ignoreCase: false, chunker: WordChunker.Instance).Lines
            .Select(piece => new TextChange(piece.Type switch
            {
                ChangeType.Inserted => TextChangeKind.Added,
                ChangeType.Deleted => TextChangeKind.Removed,
                _ => TextChangeKind.Same,
            }, piece.Text))
            .Aggregate(new List<TextChange>(), Merge)]);

    // Neighbouring pieces of the same kind read as one change.
    private static List<TextChange> Merge(List<TextChange> changes, TextChange next)
    {
        if (changes.Count > 0 && changes[^1].Kind == next.Kind)
        {
            changes[^1] = changes[^1] with { Text = changes[^1].Text + next.Text };
        }
        else
        {
            changes.Add(next);
        }
        return changes;
    }
}

public sealed record TextChange(TextChangeKind Kind, string Text);

public enum TextChangeKind
{
    Same,
    Removed,
    Added,
}
