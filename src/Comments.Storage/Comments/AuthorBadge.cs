namespace Comments.Storage.Comments;

/// <summary>
/// The badge the public sees beside a staff member's name. Decided once, when the comment is posted, from the roles in
/// the author's token (<see cref="AuthorBadges.For"/>) and stored with the comment, so that a later change of role
/// (a reporter who leaves, a moderator who steps down) does not rewrite what the comment said at the time.
/// </summary>
public enum AuthorBadge
{
    Staff,
    Journalist,
    Moderator,
}

public static class AuthorBadges
{
    /// <summary>The token roles that earn a badge, the most telling first: readers want to know the reporter answered.</summary>
    private static readonly (string Role, AuthorBadge Badge)[] ByRole =
    [
        ("journalist", AuthorBadge.Journalist),
        ("moderator", AuthorBadge.Moderator),
        ("admin", AuthorBadge.Moderator),
        ("staff", AuthorBadge.Staff),
    ];

    /// <summary>The badge for a token's roles; null for readers (and support staff, who do not speak for the newsroom).</summary>
    public static AuthorBadge? For(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        foreach (var (role, badge) in ByRole)
        {
            if (held.Contains(role))
            {
                return badge;
            }
        }
        return null;
    }
}
