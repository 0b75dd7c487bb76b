using System.Diagnostics;
using Comments.Testing;

namespace Comments.Api.Tests;

[Collection(StackCollection.Name)]
public sealed class TracingTests(CommentsStack stack)
{
    [Fact]
    public async Task One_trace_follows_a_comment_from_the_request_through_the_broker_to_the_worker_and_its_sql()
    {
        var articleId = TestData.NewArticleId();
        var id = await stack.Api.CreateClientFor(TestData.NewUserId()).PostAcceptedCommentAsync(articleId, "A comment to trace through the system.");
        await stack.Api.CreateClientFor("x").WaitForStatusAsync(id, "approved");

        // Spans are recorded when they end, and the worker's may end after the comment is already approved: wait for
        // each span the assertions need instead of asserting on the first snapshot.
        // The worker's consume span is the child of the API's send inside the request; the API's own cache-eviction
        // consumers join the same trace too, under the worker's decision event, and often end before it. A post the
        // client retried has more than one request span: the one that sent the comment is the one with the consume.
        (Activity Request, Activity Consume)? Traced()
        {
            var all = TraceRecorder.Snapshot();
            foreach (var request in all.Where(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") is string path && path == $"/api/articles/{articleId}/comments"))
            {
                if (WorkerConsume([.. all.Where(s => s.TraceId == request.TraceId)], request) is { } consume) return (request, consume);
            }
            return null;
        }
        var (request, consume) = (await Eventually.Until(() => Task.FromResult(Traced()), found => found is not null,
            what: "the API's request span with its send span and, under it, the worker's consume span in the same trace"))!.Value;
        Assert.Equal(request.TraceId, consume.TraceId);

        // The worker decides new comments in groups: the group's SQL is in the comment's own trace when the comment was
        // alone, and otherwise under a group span that links to it (OpenTelemetry's way of tracing batches).
        Assert.True(await Eventually.Until(() => Task.FromResult(WorkerSqlRecorded(request.TraceId, consume)), found => found,
            what: "the worker's SQL for the comment in its trace or in a group span linked to it"));
    }

    /// <summary>The consumer span started by the API's own send: a send within the request and outside every consumer.</summary>
    private static Activity? WorkerConsume(IReadOnlyList<Activity> trace, Activity request) =>
        trace.FirstOrDefault(consume => IsMassTransit(consume, ActivityKind.Consumer)
            && trace.Any(send => IsMassTransit(send, ActivityKind.Producer) && send.SpanId == consume.ParentSpanId && IsWithin(send, request, trace)
                && !trace.Any(other => IsMassTransit(other, ActivityKind.Consumer) && IsWithin(send, other, trace))));

    private static bool IsMassTransit(Activity span, ActivityKind kind) => span.Kind == kind && span.Source.Name == "MassTransit";

    private static bool WorkerSqlRecorded(ActivityTraceId traceId, Activity consume)
    {
        var all = TraceRecorder.Snapshot();
        var trace = all.Where(s => s.TraceId == traceId).ToList();
        if (trace.Any(s => s.Source.Name == "Npgsql" && IsWithin(s, consume, trace)))
        {
            return true;
        }
        var groups = all.Where(s => s.OperationName == "moderate comment group"
            && s.Links.Any(link => link.Context.SpanId == consume.SpanId || trace.Any(t => t.SpanId == link.Context.SpanId && IsWithin(t, consume, trace))));
        return groups.Any(group => all.Any(s => s.Source.Name == "Npgsql" && s.TraceId == group.TraceId && IsWithin(s, group, all)));
    }

    /// <summary>Whether the span is a descendant of <paramref name="ancestor"/> in this trace.</summary>
    private static bool IsWithin(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var parent = span.ParentSpanId;
        for (var depth = 0; depth < 20 && parent != default; depth++)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }
}
