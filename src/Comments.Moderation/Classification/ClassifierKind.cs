namespace Comments.Moderation.Classification;

public enum ClassifierKind
{
    Toxicity,
    Spam,
}
