namespace Comments.Api.Live;

/// <summary>The <c>event:</c> field of a live stream's events, by wire name.</summary>
public enum LiveEventKind
{
    /// <summary>The stream is open; its id is the position it starts from.</summary>
    Ready,

    /// <summary>A comment as the public sees it now: new, edited, featured, or deleted keeping its place for its replies.</summary>
    Comment,

    /// <summary>A comment the public no longer sees (rejected, hidden by reports, deleted): its id only, never its text.</summary>
    Removed,

    /// <summary>The events since the reader's <c>Last-Event-ID</c> are no longer kept: reload the listing.</summary>
    Reset,
}
