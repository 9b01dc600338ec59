using System.Diagnostics;
using System.Diagnostics.Metrics;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Telemetry;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The publish pipeline's traces and metrics: one activity per publish (blob name, slug and outcome
/// as tags), a duration histogram and an outcome counter, and the lag of queued page work. Storage
/// calls made inside an activity become its children through <see cref="Activity.Current"/>.
/// </summary>
public sealed class PublishingTelemetry
{
    public static readonly ActivitySource Activities = new(TelemetryNames.Source);

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _queueLag;
    private readonly TimeProvider _time;

    public PublishingTelemetry(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(TelemetryNames.Meter);
        _duration = meter.CreateHistogram<double>(TelemetryNames.PublishDuration, "s", "Time to bring the site in line with one source file, from trigger to last write.");
        _outcomes = meter.CreateCounter<long>(TelemetryNames.PublishOutcomes, "{publish}", "Publishes by outcome (added, updated, removed, failed, error, ...).");
        _queueLag = meter.CreateHistogram<double>(TelemetryNames.QueueLag, "s", "How long queued page work waited after it was due.");
    }

    /// <summary>Starts the trace of one publish; dispose it when the publish has ended.</summary>
    public PublishTrace StartPublish(string blobName, SourceKind kind)
    {
        var activity = Activities.StartActivity("publish", ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.BlobName, blobName);
        activity?.SetTag(TelemetryNames.SourceKind, KindName(kind));
        return new PublishTrace(this, activity, kind, _time.GetTimestamp());
    }

    /// <summary>
    /// Starts the trace of one queued piece of page work, as a child of the publish that sent it
    /// (<paramref name="traceParent"/>, W3C format) and linked to the run that picked it up.
    /// </summary>
    public Activity? StartPageWork(string work, string? page, string? traceParent, DateTimeOffset? due)
    {
        if (due is { } dueAt)
        {
            var lag = _time.GetUtcNow() - dueAt;
            _queueLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>(TelemetryNames.Work, work));
        }

        var links = Activity.Current is { } run ? new[] { new ActivityLink(run.Context) } : null;
        var activity = ActivityContext.TryParse(traceParent, null, out var parent)
            ? Activities.StartActivity("page-work", ActivityKind.Consumer, parent, links: links)
            : Activities.StartActivity("page-work", ActivityKind.Consumer);
        activity?.SetTag(TelemetryNames.Work, work);
        activity?.SetTag(TelemetryNames.Page, page);
        return activity;
    }

    internal void Record(SourceKind kind, string outcome, long startedAt)
    {
        var elapsed = _time.GetElapsedTime(startedAt);
        var tags = new TagList
        {
            { TelemetryNames.SourceKind, KindName(kind) },
            { TelemetryNames.Outcome, outcome },
        };
        _duration.Record(elapsed.TotalSeconds, tags);
        _outcomes.Add(1, tags);
    }

    internal static string OutcomeName(SyncOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string KindName(SourceKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>One publish being traced: say how it ended, then dispose it.</summary>
public sealed class PublishTrace : IDisposable
{
    private readonly PublishingTelemetry _telemetry;
    private readonly Activity? _activity;
    private readonly SourceKind _kind;
    private readonly long _startedAt;
    private bool _ended;

    internal PublishTrace(PublishingTelemetry telemetry, Activity? activity, SourceKind kind, long startedAt)
    {
        _telemetry = telemetry;
        _activity = activity;
        _kind = kind;
        _startedAt = startedAt;
    }

    public void Completed(SyncResult result)
    {
        var outcome = PublishingTelemetry.OutcomeName(result.Outcome);
        _activity?.SetTag(TelemetryNames.Slug, result.Slug);
        _activity?.SetTag(TelemetryNames.Outcome, outcome);
        if (result.Outcome == SyncOutcome.Failed)
        {
            _activity?.SetStatus(ActivityStatusCode.Error, result.Message);
        }

        End(outcome);
    }

    public void Failed(Exception exception)
    {
        _activity?.SetTag(TelemetryNames.Outcome, TelemetryNames.ErrorOutcome);
        _activity?.AddException(exception);
        _activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        End(TelemetryNames.ErrorOutcome);
    }

    public void Dispose() => _activity?.Dispose();

    private void End(string outcome)
    {
        if (!_ended)
        {
            _ended = true;
            _telemetry.Record(_kind, outcome, _startedAt);
        }
    }
}
