using System.Diagnostics.Metrics;

namespace Comments.Api.Observability;

/// <summary>
/// The help form's previews and the help requests sent after one: previews minus requests is the load the previews
/// took off support (the same pair, over a window, is in support's stats).
/// </summary>
public sealed class HelpPreviewMetrics
{
    private readonly Counter<long> _previews;
    private readonly Counter<long> _requests;

    public HelpPreviewMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(IntakeMetrics.MeterName);
        _previews = meter.CreateCounter<long>("help.previews", unit: "{preview}",
            description: "Answers the help form gave before a request was sent, by whether they were about the reader (personal) or general.");
        _requests = meter.CreateCounter<long>("help.previews.followed", unit: "{request}",
            description: "Help requests sent after a preview (within HelpPreview:RequestWindow): help.previews minus this is the previews that ended without a request.");
    }

    public void Previewed(bool personal) => _previews.Add(1, new KeyValuePair<string, object?>("kind", personal ? "personal" : "general"));

    public void Followed() => _requests.Add(1);
}
