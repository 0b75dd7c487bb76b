using Comments.Storage.Reports;

namespace Comments.Api.Reports;

/// <summary>The report reasons as the HTTP contract spells them (snake_case).</summary>
public static class ReportReasons
{
    private static readonly Dictionary<string, ReportReason> ByName = new()
    {
        ["offensive"] = ReportReason.Offensive,
        ["abusive"] = ReportReason.Abusive,
        ["spam"] = ReportReason.Spam,
        ["off_topic"] = ReportReason.OffTopic,
        ["harassment"] = ReportReason.Harassment,
        ["other"] = ReportReason.Other,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out ReportReason reason) => ByName.TryGetValue(name ?? "", out reason);

    public static string Name(ReportReason reason) => ByName.First(pair => pair.Value == reason).Key;
}
